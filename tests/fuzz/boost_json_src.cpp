// Boost.JSON compiled into the fuzzer (instrumented with it) instead of linking the GCC-built library.
#include <boost/json/src.hpp>
