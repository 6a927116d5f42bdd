#!/usr/bin/python3
"""The console end to end in a real browser (docs/console.md): Chromium driven by Selenium against the real
ruhu-syncd with the demo county, and headless tablets running the app's sync code.

usage: test_console_browser.py SYNCD CONSOLE_TABLET
"""
import os
import sys
import tempfile
import unittest

from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import WebDriverWait

import console_harness as h

SYNCD, TABLET_TOOL = sys.argv[1], sys.argv[2]
FIELD = "noIndustryEmploymentReason"  # review-required text: a clash on it waits for a reviewer


class ConsoleBrowserTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.TemporaryDirectory(prefix="ruhu-console-")
        data = os.path.join(cls.tmp.name, "data")
        os.mkdir(data)
        cls.server = h.Server(SYNCD, data)
        cls.server.start()
        h.add_other_township(cls.server)
        cls.a = h.Tablet(TABLET_TOOL, cls.server, os.path.join(cls.tmp.name, "tablet-a"))
        cls.b = h.Tablet(TABLET_TOOL, cls.server, os.path.join(cls.tmp.name, "tablet-b"))
        cls.a.sync()
        cls.b.sync()
        cls.households = cls.a.households()
        cls.driver = h.chromium()

    @classmethod
    def tearDownClass(cls):
        cls.driver.quit()
        cls.server.stop()
        cls.tmp.cleanup()

    def wait(self, seconds=15):
        return WebDriverWait(self.driver, seconds)

    def text(self):
        return self.driver.find_element(By.TAG_NAME, "body").text

    def open_reviews(self, reviewer):
        status, body = self.server.api("GET", "/api/v1/reviews?status=open", token=self.server.login(reviewer))
        self.assertEqual(status, 200)
        return body["reviews"]

    def login(self, username, password="ruhu2024"):
        h.console_login(self.driver, self.server, username, password)
        self.wait().until(EC.presence_of_element_located((By.CSS_SELECTOR, "nav.side")))

    def test_1_township_resolves_a_clash_and_the_tablet_pulls_it(self):
        household = self.households[0]
        h.make_clash(self.a, self.b, household, FIELD, "外出务工受伤", "家中缺劳力")
        reviews = [r for r in self.open_reviews("township") if r["recordId"] == household]
        self.assertEqual(len(reviews), 1)
        review = reviews[0]

        self.login("township")
        todo = self.driver.find_element(By.ID, "todo-conflicts")
        self.assertIn("1", todo.text)
        todo.click()
        row = self.wait().until(EC.presence_of_element_located((By.ID, "reviews")))
        self.assertIn("家中缺劳力", row.text)
        self.assertIn("外出务工受伤", row.text)
        self.driver.find_element(By.CSS_SELECTOR, 'a[href="/console/reviews/%d"].button' % review["id"]).click()
        self.wait().until(EC.presence_of_element_located((By.ID, "resolve")))
        self.assertEqual(self.driver.find_element(By.ID, "server-value").text, "外出务工受伤")
        self.assertEqual(self.driver.find_element(By.ID, "incoming-value").text, "家中缺劳力")
        # Keyboard only: the custom choice, its value, the note and submit.
        self.driver.find_element(By.ID, "choice-custom").click()
        self.driver.find_element(By.ID, "custom-value").send_keys("外出务工受伤，家中缺劳力")
        self.driver.find_element(By.ID, "note").send_keys("电话核实两位村干部")
        self.driver.find_element(By.ID, "resolve-submit").click()
        self.wait().until(EC.url_contains("resolved=%d" % review["id"]))
        self.assertIn("已处理", self.text())

        # The decision reaches a tablet on its next pull.
        self.a.sync()
        self.assertEqual(self.a.get("household", household, FIELD), "外出务工受伤，家中缺劳力")
        self.b.sync()
        self.assertEqual(self.b.get("household", household, FIELD), "外出务工受伤，家中缺劳力")

        # The record's history shows the decision.
        self.driver.get(self.server.url("/console/reviews/%d" % review["id"]))
        resolution = self.driver.find_element(By.ID, "resolution").text
        self.assertIn("电话核实两位村干部", resolution)
        self.assertIn("township", resolution)

    def test_2_a_stale_form_gets_a_conflict_message(self):
        household = self.households[1]
        h.make_clash(self.a, self.b, household, FIELD, "因病", "因学")
        review = [r for r in self.open_reviews("township") if r["recordId"] == household][0]
        self.login("township")
        self.driver.get(self.server.url("/console/reviews/%d" % review["id"]))
        self.wait().until(EC.presence_of_element_located((By.ID, "resolve")))
        # Meanwhile the county decides it through the JSON API.
        status, _ = self.server.api("POST", "/api/v1/reviews/%d/resolve" % review["id"],
                                    {"choice": "server", "note": "县级已处理"}, self.server.login("county"))
        self.assertEqual(status, 200)
        self.driver.find_element(By.ID, "choice-incoming").click()
        self.driver.find_element(By.ID, "resolve-submit").click()
        alert = self.wait().until(EC.presence_of_element_located((By.CSS_SELECTOR, ".box.error")))
        self.assertIn("已被处理", alert.text)
        self.assertIn("县级已处理", self.driver.find_element(By.ID, "resolution").text)
        self.a.sync()
        self.assertEqual(self.a.get("household", household, FIELD), "因病")

    def test_3_bulk_decision_with_confirmation_and_count(self):
        for household, (x, y) in zip(self.households[2:4], [("甲", "乙"), ("丙", "丁")]):
            h.make_clash(self.a, self.b, household, FIELD, x, y)
        self.assertEqual(len(self.open_reviews("township")), 2)
        self.login("county")
        self.driver.get(self.server.url("/console/reviews?region=" + h.VILLAGE))
        bulk = self.driver.find_element(By.ID, "bulk")
        self.assertIn("2", bulk.text)
        bulk.find_element(By.CSS_SELECTOR, 'input[value="incoming"]').click()
        bulk.find_element(By.ID, "bulk-note").send_keys("两村干部确认以后者为准")
        self.driver.execute_script("window.confirm = function () { return true; };")
        bulk.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
        confirm = self.wait().until(EC.presence_of_element_located((By.ID, "bulk-confirm-submit")))
        self.assertIn("2", confirm.text)
        confirm.click()
        self.wait().until(EC.url_contains("bulk=2"))
        self.assertEqual(self.open_reviews("township"), [])
        self.a.sync()
        self.assertEqual(self.a.get("household", self.households[2], FIELD), "乙")
        self.assertEqual(self.a.get("household", self.households[3], FIELD), "丁")

    def test_4_another_township_and_a_village_cannot_reach_each_other(self):
        household = self.households[4]
        h.make_clash(self.a, self.b, household, FIELD, "东", "西")
        review = [r for r in self.open_reviews("township") if r["recordId"] == household][0]
        self.login("township2", h.OTHER_TOWNSHIP_PASSWORD)
        self.assertIn("浩口镇", self.text())
        self.driver.get(self.server.url("/console/reviews?status=all"))
        self.assertIsNotNone(self.driver.find_element(By.ID, "empty"))
        self.driver.get(self.server.url("/console/reviews/%d" % review["id"]))
        self.assertIn("不在您的工作范围内", self.text())
        self.assertNotIn("东", self.driver.find_element(By.TAG_NAME, "main").text)
        # Another township's area is refused outright, not shown empty.
        self.driver.get(self.server.url("/console/reviews?region=" + h.VILLAGE))
        self.assertIn("不在您的工作范围内", self.text())

        # A village account has no console, and its cadre's data stays out of another township's reach.
        h.console_login(self.driver, self.server, "cadre1")
        self.wait().until(EC.presence_of_element_located((By.CSS_SELECTOR, ".box.error")))
        self.assertIn("村级账号请在平板上工作", self.text())
        self.driver.get(self.server.url("/console/reviews"))
        self.assertIn("/console/login", self.driver.current_url)

    def test_6_county_creates_a_user_who_must_change_the_password(self):
        self.login("county")
        self.driver.get(self.server.url("/console/users"))
        self.assertIn("熊口镇", self.driver.find_element(By.ID, "area-tree").text)
        form = self.driver.find_element(By.ID, "create-user")
        form.find_element(By.ID, "new-username").send_keys("township3")
        form.find_element(By.ID, "new-display-name").send_keys("熊口镇 <b>副</b>审核员")
        form.find_element(By.CSS_SELECTOR, '#new-role option[value="township"]').click()
        form.find_element(By.CSS_SELECTOR, '#new-area option[value="429005103"]').click()
        form.find_element(By.ID, "new-password").send_keys("Xiongkou-Temp-2026")
        form.find_element(By.ID, "create-submit").click()
        self.wait().until(EC.url_contains("done=1"))
        users = self.driver.find_element(By.ID, "users").text
        self.assertIn("township3", users)
        self.assertIn("熊口镇 <b>副</b>审核员", users)  # shown as typed, not as markup
        self.assertIn("待改密码", users)
        # Nobody creates above their own level or outside their area.
        status, body = self.server.api("POST", "/api/v1/admin/users",
                                       {"username": "x1", "role": "county", "areas": [h.OTHER_TOWNSHIP],
                                        "password": "Some-Password-2026"}, self.server.login("township"))
        self.assertEqual(status, 403, body)

        h.console_login(self.driver, self.server, "township3", "Xiongkou-Temp-2026")
        self.wait().until(EC.url_contains("/console/password"))
        self.driver.find_element(By.NAME, "oldPassword").send_keys("Xiongkou-Temp-2026")
        self.driver.find_element(By.NAME, "newPassword").send_keys("Xiongkou-Own-2026!")
        self.driver.find_element(By.NAME, "repeatPassword").send_keys("Xiongkou-Own-2026!")
        self.driver.find_element(By.CSS_SELECTOR, "#main button[type=submit]").click()
        self.wait().until(EC.presence_of_element_located((By.ID, "todo-conflicts")))
        self.assertIn("熊口镇 <b>副</b>审核员", self.driver.find_element(By.CSS_SELECTOR, "header .who").text)

    def test_7_county_revokes_a_lost_tablet(self):
        self.login("county")
        self.driver.get(self.server.url("/console/devices?q=cadre1"))
        table = self.driver.find_element(By.ID, "devices").text
        self.assertEqual(table.count("cadre1"), 2, table)
        device = self.b.run("device-id")
        row = self.driver.find_element(By.XPATH, '//tr[td[1][text()="%s"]]' % device)
        self.driver.execute_script("window.confirm = function () { return true; };")
        row.find_element(By.CSS_SELECTOR, 'form[action$="/revoke"] button').click()
        self.wait().until(EC.url_contains("done=1"))
        row = self.driver.find_element(By.XPATH, '//tr[td[1][text()="%s"]]' % device)
        self.assertIn("已停用", row.text)
        with self.assertRaises(RuntimeError) as refused:
            self.b.sync()
        self.assertIn("停用", str(refused.exception))
        self.a.sync()  # the other tablet keeps working

    def test_8_rules_in_force_history_and_next_year(self):
        self.login("county")
        self.driver.get(self.server.url("/console/rules"))
        self.assertIn("湖北省", self.driver.find_element(By.ID, "thresholds").text)
        status, current = self.server.api("GET", "/api/v1/rules/config", token=self.server.login("county"))
        document = current["document"]
        document.pop("hash", None)
        document["id"] = "qianjiang-2026"
        document["version"] = document["version"] + 1
        document["thresholds"].append({"regionPrefix": "429005", "regionName": "潜江市", "year": 2026,
                                       "value": "8800.00", "source": "测试：次年监测范围"})
        import json
        text = json.dumps(document, ensure_ascii=False)
        area = self.driver.find_element(By.ID, "rules-document")
        self.driver.execute_script("arguments[0].value = arguments[1];", area, text)
        self.driver.find_element(By.ID, "rules-submit").click()
        self.wait().until(EC.url_contains("loaded=1"))
        self.assertIn("qianjiang-2026", self.driver.find_element(By.ID, "rules-in-force").text)
        self.assertIn("8800.00", self.driver.find_element(By.ID, "thresholds").text)
        self.assertIn("qianjiang-2026", self.driver.find_element(By.ID, "rules-history").text)
        # The same version again is stale: refused with the API's reason.
        document["id"] = "qianjiang-2026-b"
        area = self.driver.find_element(By.ID, "rules-document")
        self.driver.execute_script("arguments[0].value = arguments[1];", area, json.dumps(document, ensure_ascii=False))
        self.driver.find_element(By.ID, "rules-submit").click()
        alert = self.wait().until(EC.presence_of_element_located((By.CSS_SELECTOR, ".box.error")))
        self.assertIn("没有加载", alert.text)
        self.assertIn("qianjiang-2026", self.driver.find_element(By.ID, "rules-in-force").text)
        # A township reads the configuration but cannot load one.
        self.login("township")
        self.driver.get(self.server.url("/console/rules"))
        self.assertIn("qianjiang-2026", self.text())
        self.assertEqual(self.driver.find_elements(By.ID, "rules-load"), [])

    def test_9_audit_shows_who_read_sensitive_data(self):
        self.login("county")
        self.driver.get(self.server.url("/console/audit?user=cadre1"))
        table = self.driver.find_element(By.ID, "audit").text
        self.assertIn("cadre1", table)
        self.assertIn("平板同步", table)
        self.assertNotIn("township", table)
        # A township has no audit page.
        self.login("township")
        self.driver.get(self.server.url("/console/audit"))
        self.assertIn("只有县级或管理员账号可以查看访问记录", self.text())

    def test_5_english_and_keyboard_navigation(self):
        self.login("county")
        self.driver.get(self.server.url("/console/reviews?lang=en"))
        self.assertIn("Conflict review", self.text())
        self.driver.get(self.server.url("/console/"))
        self.assertIn("To do", self.text())  # the choice is remembered
        self.driver.get(self.server.url("/console/?lang=zh"))
        from selenium.webdriver.common.keys import Keys
        body = self.driver.find_element(By.TAG_NAME, "body")
        body.send_keys(Keys.TAB)
        self.assertEqual(self.driver.switch_to.active_element.text, "跳到正文")


if __name__ == "__main__":
    unittest.main(argv=[sys.argv[0], "-v"])
