#!/usr/bin/python3
"""The console end to end in a real browser (docs/console.md): Chromium driven by Selenium against the real
ruhu-syncd with the demo county, and headless tablets running the app's sync code.

usage: test_console_browser.py SYNCD CONSOLE_TABLET CONSOLE_CASE_SEED
"""
import datetime
import os
import sys
import tempfile
import unittest

from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import Select, WebDriverWait

import console_harness as h

SYNCD, TABLET_TOOL, CASE_SEED = sys.argv[1], sys.argv[2], sys.argv[3]
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
        cls.cases = h.seed_cases(CASE_SEED, cls.server, 2)
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
        device = self.b.run("device-id")
        self.assertIn(self.a.run("device-id"), table)
        self.assertIn(device, table)
        # Each tablet's sync requests told the server its app version and clock (docs/accounts.md).
        seen = self.driver.find_element(By.XPATH, '//tr[td[1][text()="%s"]]' % self.a.run("device-id")).text
        self.assertRegex(seen, r"\d+\.\d+\.\d+")
        self.assertIn("时钟正常", seen)
        self.assertNotIn("从未同步", seen)
        self.assertNotIn("未同步", self.driver.find_element(By.ID, "devices").text)
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

    def open_case(self, case_id):
        self.driver.get(self.server.url("/console/cases/" + case_id))
        return self.wait().until(EC.presence_of_element_located((By.ID, "case-state")))

    def take_step(self, form_id, fields=None, note=None):
        """Fills a step's form on the case page and submits it (confirming the question)."""
        for name, value in (fields or {}).items():
            element = self.driver.find_element(By.ID, "%s-%s" % (form_id, name))
            if element.tag_name == "select":
                element.find_element(By.CSS_SELECTOR, 'option[value="%s"]' % value).click()
            else:
                element.send_keys(value)
        if note:
            self.driver.find_element(By.ID, form_id + "-note").send_keys(note)
        self.driver.execute_script("window.confirm = function () { return true; };")
        self.driver.find_element(By.ID, form_id + "-submit").click()

    def cadre_token(self):
        status, body = self.server.api("POST", "/api/v1/login", {"username": "cadre1", "password": "ruhu2024",
                                                                  "deviceId": "dev-browser-cadre"})
        self.assertEqual(status, 200, body)
        return body["token"]

    def case_state(self, case_id, reviewer="county"):
        status, body = self.server.api("GET", "/api/v1/cases/" + case_id, token=self.server.login(reviewer))
        self.assertEqual(status, 200, body)
        return body["case"]["state"]

    def test_a1_township_case_queue_household_refusals_and_stale_form(self):
        first, second = self.cases
        self.login("township")
        todo = self.driver.find_element(By.ID, "todo-cases")
        self.assertIn("2", todo.text)
        todo.click()
        table = self.wait().until(EC.presence_of_element_located((By.ID, "cases"))).text
        self.assertIn("公示", table)
        self.assertIn("马家村", table)
        self.assertIn("2", self.driver.find_element(By.ID, "count-mine").text)
        self.assertIn("公示", self.driver.find_element(By.ID, "state-counts").text)

        self.open_case(first)
        self.assertEqual(self.driver.find_element(By.ID, "case-state").text, "公示")
        members = self.driver.find_element(By.ID, "members").text
        self.assertIn("户主", members)
        # The township receives the 身份证号 masked, as a pull would.
        self.assertIn("*", members)
        self.assertNotIn("429005197003", members)
        # 公示 is running: the page says what is missing, and the server refuses the approval.
        missing = self.driver.find_element(By.ID, "step-townshipApprove-TOWNSHIP_APPROVED-missing").text
        self.assertIn("公示期未满", missing)
        self.take_step("step-townshipApprove-TOWNSHIP_APPROVED", note="提前审核")
        alert = self.wait().until(EC.presence_of_element_located((By.CSS_SELECTOR, ".box.error")))
        self.assertIn("公示期未满", alert.text)
        self.assertIn("publicity_not_ended", self.driver.find_element(By.ID, "refused-missing").text)
        self.assertEqual(self.case_state(first), "PUBLICIZED")
        # The county's own step is not offered to the township as a form.
        self.assertEqual(self.driver.find_elements(By.ID, "step-countyConfirm-COUNTY_CONFIRMED"), [])

        # Return without a reason: refused with the missing item; with a reason: returned.
        self.open_case(second)
        self.take_step("step-townshipReturn-RETURNED")
        alert = self.wait().until(EC.presence_of_element_located((By.CSS_SELECTOR, ".box.error")))
        self.assertIn("理由", alert.text)
        self.take_step("step-townshipReturn-RETURNED", {"reason": "收入测算表缺少务工收入凭证"})
        self.wait().until(EC.url_contains("done=RETURNED"))
        self.assertEqual(self.driver.find_element(By.ID, "case-state").text, "退回补正")
        self.assertIn("township", self.driver.find_element(By.ID, "events").text)
        self.assertEqual(self.case_state(second), "RETURNED")

        # A form on stale data: the case moves on (the village resubmits) after the page was opened.
        self.open_case(second)
        form = "step-townshipReturn-RETURNED"
        self.assertEqual(self.driver.find_elements(By.ID, form), [])
        status, body = self.server.api("POST", "/api/v1/cases/%s/actions" % second,
                                       {"to": "PUBLICIZED", "note": "补正后重新提交"}, self.cadre_token())
        self.assertEqual(status, 200, body)
        self.open_case(second)
        version = self.driver.find_element(By.CSS_SELECTOR, "#%s input[name=version]" % form).get_attribute("value")
        status, body = self.server.api("POST", "/api/v1/cases/%s/actions" % second,
                                       {"to": "RETURNED", "data": {"result": "退回", "reason": "县级抽查要求补正"}},
                                       self.server.login("county"))
        self.assertEqual(status, 200, body)
        self.take_step(form, {"reason": "又一次退回"})
        alert = self.wait().until(EC.presence_of_element_located((By.CSS_SELECTOR, ".box.error")))
        self.assertIn("旧版本（%s）" % version, alert.text)
        self.assertEqual(self.driver.find_element(By.ID, "case-state").text, "退回补正")
        self.assertIn("县级抽查要求补正", self.driver.find_element(By.ID, "decisions").text)
        self.assertNotIn("又一次退回", self.text())

        # Another township reaches neither the list entry nor the case.
        self.login("township2", h.OTHER_TOWNSHIP_PASSWORD)
        self.driver.get(self.server.url("/console/cases"))
        self.assertIsNotNone(self.driver.find_element(By.ID, "empty"))
        self.driver.get(self.server.url("/console/cases/" + first))
        self.assertIn("不在您的工作范围内", self.text())
        self.assertNotIn("户主", self.driver.find_element(By.TAG_NAME, "main").text)

    def test_a2_township_approves_and_county_confirms_after_publicity(self):
        first = self.cases[0]
        # Fourteen days on: 公示 has ended.
        self.server.stop()
        self.server.extra_args = ["--clock-offset-days", "14"]
        self.server.start()
        self.login("township")
        self.open_case(first)
        self.assertIn("条件已齐备", self.driver.find_element(By.ID, "step-townshipApprove-TOWNSHIP_APPROVED-missing").text)
        self.take_step("step-townshipApprove-TOWNSHIP_APPROVED", note="已抽查核实")
        self.wait().until(EC.url_contains("done=TOWNSHIP_APPROVED"))
        self.assertEqual(self.driver.find_element(By.ID, "case-state").text, "乡镇审核通过")
        self.assertIn("已抽查核实", self.driver.find_element(By.ID, "events").text)

        self.login("county")
        self.open_case(first)
        # The county sees the 身份证号 in clear (its supervision; the read is audited).
        self.assertIn("19700315", self.driver.find_element(By.ID, "members").text)
        form = "step-countyConfirm-COUNTY_CONFIRMED"
        self.take_step(form, {"category": "边缘易致贫户", "leadDepartment": "人社局"})
        alert = self.wait().until(EC.presence_of_element_located((By.CSS_SELECTOR, ".box.error")))
        self.assertIn("部门联审", alert.text)
        self.assertEqual(self.case_state(first), "TOWNSHIP_APPROVED")
        self.take_step(form, {"category": "边缘易致贫户", "leadDepartment": "人社局", "department1": "民政局",
                              "departmentNote1": "无低保重复", "department2": "人社局"}, note="部门联审通过")
        self.wait().until(EC.url_contains("done=COUNTY_CONFIRMED"))
        self.assertEqual(self.driver.find_element(By.ID, "case-state").text, "县级确定")
        events = self.driver.find_element(By.ID, "events").text
        self.assertIn("county", events)
        self.assertIn("部门联审通过", events)
        self.assertEqual(self.case_state(first, "township"), "COUNTY_CONFIRMED")
        # The server wrote the household's monitoring record; the village's tablet pulls it.
        self.a.sync()
        monitoring = self.a.get("household", "hh-seed-1", "monitoring")
        self.assertEqual(monitoring["category"], "边缘易致贫户")
        status, audit = self.server.api("GET", "/api/v1/audit?user=county&household=hh-seed-1",
                                        token=self.server.login("county"))
        self.assertEqual(status, 200)
        self.assertTrue(any(e["action"] == "case" for e in audit["entries"]), audit)

    def test_b1_county_imports_a_department_list_and_marks_an_emergency(self):
        status, pulled = self.server.api("GET", "/api/v1/pull?cursor=0&limit=1000", token=self.server.login("cadre1"))
        self.assertEqual(status, 200)
        open_households = set()
        for change in pulled["changes"]:
            if change["kind"] == "workflowCase":
                open_households.add(change["householdId"])
        member = next(c for c in pulled["changes"]
                      if c["kind"] == "member" and c["householdId"] not in open_households
                      and len(c["fields"].get("idNo", "")) == 18 and "*" not in c["fields"]["idNo"])
        yesterday = (datetime.date.today() - datetime.timedelta(days=1)).isoformat()
        path = os.path.join(self.tmp.name, "民政局名单.csv")
        with open(path, "w", encoding="utf-8-sig") as f:
            f.write("姓名,身份证号,预警原因,预警日期\n%s,%s,因病支出大,%s\n某某,110101199003070000,因病,%s\n"
                    % (member["fields"]["name"], member["fields"]["idNo"], yesterday, yesterday))
        self.login("county")
        self.driver.find_element(By.LINK_TEXT, "线索导入").click()

        def upload():
            department = self.driver.find_element(By.ID, "lead-department")
            department.clear()
            department.send_keys("民政局")
            self.driver.find_element(By.ID, "lead-file").send_keys(path)
            self.driver.find_element(By.ID, "lead-import").click()
            return self.wait().until(EC.presence_of_element_located((By.ID, "lead-answer")))

        answer = upload()
        self.assertIn("1", self.driver.find_element(By.ID, "lead-created").text)
        self.assertIn("1", self.driver.find_element(By.ID, "lead-invalid").text)
        problems = self.driver.find_element(By.ID, "lead-problems").text
        self.assertIn("第3行", problems)
        self.assertNotIn(member["fields"]["idNo"], self.text())  # numbers only masked on the page
        case_link = self.driver.find_element(By.CSS_SELECTOR, "#lead-cases a")
        case_id = case_link.text
        self.assertEqual(self.case_state(case_id), "LEAD")
        # The same list again opens nothing twice.
        upload()
        self.assertIn("0", self.driver.find_element(By.ID, "lead-created").text)
        self.assertIn("1", self.driver.find_element(By.ID, "lead-alreadyThere").text)
        self.driver.save_screenshot(os.path.join(self.tmp.name, "leads.png"))
        # The case opened is on the village tablet's next pull.
        self.a.sync()
        self.assertEqual(self.a.get("workflowCase", case_id, "state"), "LEAD")
        # The emergency marking offers the county's own areas.
        options = [o.get_attribute("value") for o in
                   self.driver.find_elements(By.CSS_SELECTOR, "#emergency-region option")]
        self.assertIn(h.VILLAGE, options)
        Select(self.driver.find_element(By.ID, "emergency-region")).select_by_value(h.VILLAGE)
        start = (datetime.date.today() - datetime.timedelta(days=30))
        for field, day in (("emergency-from", start), ("emergency-to", datetime.date.today())):
            # a date input takes the digits in the browser's own order; set the value the form submits
            self.driver.execute_script("arguments[0].value = arguments[1];",
                                       self.driver.find_element(By.ID, field), day.isoformat())
        self.driver.find_element(By.ID, "emergency-description").send_keys("7月暴雨洪涝")
        self.driver.find_element(By.ID, "emergency-mark").click()
        self.wait().until(EC.presence_of_element_located((By.ID, "lead-answer")))
        self.assertIn("查看了", self.driver.find_element(By.ID, "lead-answer").text)

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
