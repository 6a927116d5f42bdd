# ruhu_add_qt_test(<name> SOURCES ... [LIBS ...] [LABELS ...] [ENV ...] [TIMEOUT s])
# One Qt Test executable = one ctest, labelled (unit / integration / qml / property / e2e).
function(ruhu_add_qt_test name)
    cmake_parse_arguments(T "" "TIMEOUT" "SOURCES;LIBS;LABELS;ENV" ${ARGN})
    add_executable(${name} ${T_SOURCES})
    target_link_libraries(${name} PRIVATE Qt6::Test ${T_LIBS})
    add_test(NAME ${name} COMMAND ${name})
    if(NOT T_LABELS)
        set(T_LABELS unit)
    endif()
    if(NOT T_TIMEOUT)
        set(T_TIMEOUT 300)
    endif()
    set_tests_properties(${name} PROPERTIES LABELS "${T_LABELS}" TIMEOUT ${T_TIMEOUT}
        ENVIRONMENT "QT_QPA_PLATFORM=offscreen;RUHU_SOURCE_DIR=${CMAKE_SOURCE_DIR};RUHU_BINARY_DIR=${CMAKE_BINARY_DIR};${T_ENV}")
endfunction()

# The tests labelled pg run against PostgreSQL: the throwaway cluster scripts/pg-test-cluster.sh starts
# with its Unix socket in this directory (scripts/test.sh starts it before ctest and stops it after).
# They get the cluster's maintenance database in RUHU_TEST_POSTGRES and make their own databases on it
# (tests/support/testdatabase.h); without a running cluster they fail.
set(RUHU_PG_TEST_SOCKET_DIR ${CMAKE_BINARY_DIR}/pg-test)
set(RUHU_PG_TEST_URL "postgresql:///postgres?host=${RUHU_PG_TEST_SOCKET_DIR}&user=postgres")

# ruhu_add_pg_run(<test> [TIMEOUT s]): the same test executable once more as <test>_pg, on PostgreSQL.
function(ruhu_add_pg_run name)
    cmake_parse_arguments(T "" "TIMEOUT" "" ${ARGN})
    if(NOT T_TIMEOUT)
        set(T_TIMEOUT 600)
    endif()
    add_test(NAME ${name}_pg COMMAND ${name})
    set_tests_properties(${name}_pg PROPERTIES LABELS pg TIMEOUT ${T_TIMEOUT} RUN_SERIAL TRUE
        ENVIRONMENT "QT_QPA_PLATFORM=offscreen;RUHU_SOURCE_DIR=${CMAKE_SOURCE_DIR};RUHU_BINARY_DIR=${CMAKE_BINARY_DIR};RUHU_TEST_POSTGRES=${RUHU_PG_TEST_URL}")
endfunction()
