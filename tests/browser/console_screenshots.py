#!/usr/bin/python3
"""Saves a screenshot of every console page for a township and a county user (scripts/console-screenshots.sh).

usage: console_screenshots.py SYNCD CONSOLE_TABLET CONSOLE_CASE_SEED OUT_DIR
"""
import os
import sys
import tempfile

from selenium.webdriver.common.by import By

import console_harness as h

# (file name, path) per page; "{review}" is an open clash, "{resolved}" a decided one.
PAGES = [
    ("todo", "/console/"),
    ("reviews", "/console/reviews"),
    ("review", "/console/reviews/{review}"),
    ("review-resolved", "/console/reviews/{resolved}"),
    ("cases", "/console/cases"),
    ("case", "/console/cases/{case}"),
    ("case-returned", "/console/cases/{returned}"),
    ("reviews-resolved", "/console/reviews?status=resolved"),
    ("devices", "/console/devices"),
    ("users", "/console/users"),
    ("rules", "/console/rules"),
    ("audit", "/console/audit"),
    ("password", "/console/password"),
]


def main():
    syncd, tool, seed, out = sys.argv[1:5]
    os.makedirs(out, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="ruhu-shots-") as tmp:
        data = os.path.join(tmp, "data")
        os.mkdir(data)
        server = h.Server(syncd, data)
        server.start()
        try:
            a = h.Tablet(tool, server, os.path.join(tmp, "a"))
            b = h.Tablet(tool, server, os.path.join(tmp, "b"))
            c = h.Tablet(tool, server, os.path.join(tmp, "c"), user="cadre2")
            a.sync()
            b.sync()
            c.sync()
            households = a.households()
            clashes = [("noIndustryEmploymentReason", "外出务工受伤，暂无劳动能力", "家中缺劳力，子女在读"),
                       ("householdType", "脱贫户", "一般农户"),
                       ("industryFailureReason", "2024年7月洪灾，养殖场被淹", "市场价格下跌")]
            for household, (field, x, y) in zip(households, clashes):
                h.make_clash(a, b, household, field, x, y)
            open_reviews = server.api("GET", "/api/v1/reviews", token=server.login("county"))[1]["reviews"]
            resolved = open_reviews[-1]["id"]
            server.api("POST", "/api/v1/reviews/%d/resolve" % resolved,
                       {"choice": "incoming", "note": "入户核实：以村干部上传为准"}, server.login("township"))
            cases = h.seed_cases(seed, server, 3)
            server.api("POST", "/api/v1/cases/%s/actions" % cases[1],
                       {"to": "RETURNED", "note": "请补充材料",
                        "data": {"result": "退回", "reason": "收入测算表缺少务工收入凭证"}}, server.login("township"))
            driver = h.chromium()
            try:
                for user in ("township", "county"):
                    h.console_login(driver, server, user)
                    driver.find_element(By.CSS_SELECTOR, "nav.side")
                    for name, path in PAGES:
                        driver.get(server.url(path.format(review=open_reviews[0]["id"], resolved=resolved, case=cases[0], returned=cases[1])))
                        driver.save_screenshot(os.path.join(out, "%s-%s.png" % (user, name)))
                    driver.get(server.url("/console/reviews/%d?lang=en" % open_reviews[0]["id"]))
                    driver.save_screenshot(os.path.join(out, "%s-review-en.png" % user))
                    driver.get(server.url("/console/?lang=zh"))
                driver.delete_all_cookies()
                driver.get(server.url("/console/login"))
                driver.save_screenshot(os.path.join(out, "login.png"))
            finally:
                driver.quit()
        finally:
            server.stop()
    print("console-screenshots: saved to " + out)


if __name__ == "__main__":
    main()
