"""Helpers for the console's browser test and screenshot script: the real ruhu-syncd on loopback, headless
tablets (console-tablet) that push and pull like the app, and Chromium driven by Selenium."""
import json
import os
import signal
import subprocess
import tempfile
import time
import urllib.error
import urllib.request

VILLAGE = "429005103201"  # 马家村 of the demo county
OTHER_TOWNSHIP = "429005104"
OTHER_TOWNSHIP_PASSWORD = "Haokou-Review-2026"


class Server:
    """ruhu-syncd --demo on 127.0.0.1 with an ephemeral port and its own data directory."""

    def __init__(self, syncd, data_dir):
        self.syncd = syncd
        self.data_dir = data_dir
        self.process = None
        self.port = None
        self.extra_args = []  # e.g. --clock-offset-days N for a restart later in time

    def start(self):
        port_file = os.path.join(self.data_dir, "port")
        if os.path.exists(port_file):
            os.remove(port_file)
        self.log = open(os.path.join(self.data_dir, "server.log"), "ab")
        self.process = subprocess.Popen(
            [self.syncd, "--listen", "127.0.0.1:0", "--data-dir", self.data_dir, "--demo", "--port-file", port_file,
             "--rate-limit", "0", *self.extra_args], stdout=self.log, stderr=self.log)
        deadline = time.time() + 60
        while time.time() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError("ruhu-syncd exited: see " + self.log.name)
            if os.path.exists(port_file):
                with open(port_file) as f:
                    text = f.read().strip()
                if text:
                    self.port = int(text)
                    return
            time.sleep(0.2)
        raise RuntimeError("ruhu-syncd did not start")

    def stop(self):
        if self.process and self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            self.process.wait(30)
        self.process = None
        if getattr(self, "log", None):
            self.log.close()
            self.log = None

    def url(self, path=""):
        return "http://127.0.0.1:%d%s" % (self.port, path)

    def admin(self, *args, stdin=None):
        """ruhu-syncd's admin commands on the (stopped) server's data directory."""
        subprocess.run([self.syncd, *args, "--data-dir", self.data_dir], input=stdin, check=True,
                       capture_output=True)

    def api(self, method, path, body=None, token=None):
        data = json.dumps(body).encode() if body is not None else None
        request = urllib.request.Request(self.url(path), data=data, method=method)
        if data is not None:
            request.add_header("Content-Type", "application/json")
        if token:
            request.add_header("Authorization", "Bearer " + token)
        try:
            with urllib.request.urlopen(request) as answer:
                return answer.status, json.loads(answer.read() or b"null")
        except urllib.error.HTTPError as error:
            return error.code, json.loads(error.read() or b"null")

    def login(self, username, password="ruhu2024"):
        status, body = self.api("POST", "/api/v1/login", {"username": username, "password": password})
        assert status == 200, (status, body)
        return body["token"]


def add_other_township(server):
    """A second township (浩口镇) with one village and its reviewer, through the admin commands."""
    server.stop()
    csv = os.path.join(server.data_dir, "areas.csv")
    with open(csv, "w", encoding="utf-8") as f:
        f.write("行政区划代码,名称,上级\n%s,浩口镇,429005\n%s201,柳洲村,%s\n" % (OTHER_TOWNSHIP, OTHER_TOWNSHIP, OTHER_TOWNSHIP))
    server.admin("areas", "import", csv)
    server.admin("user", "add", "township2", "--role", "township", "--area", OTHER_TOWNSHIP, "--display-name",
                 "浩口镇 审核员", "--password-stdin", "--no-must-change",
                 stdin=(OTHER_TOWNSHIP_PASSWORD + "\n").encode())
    server.start()


class Tablet:
    """One headless tablet: its own replica directory, the app's sync code (console-tablet)."""

    def __init__(self, tool, server, directory, user="cadre1"):
        self.tool, self.server, self.dir, self.user = tool, server, directory, user

    def run(self, *args):
        answer = subprocess.run([self.tool, "--server", self.server.url(), "--user", self.user, "--dir", self.dir,
                                 *args], capture_output=True, text=True, timeout=120)
        if answer.returncode != 0:
            raise RuntimeError("console-tablet %s: %s" % (" ".join(args), answer.stderr))
        return answer.stdout.strip()

    def sync(self):
        self.run("sync")

    def edit(self, kind, record_id, field, value):
        self.run("edit", kind, record_id, field, value)

    def get(self, kind, record_id, field):
        return json.loads(self.run("get", kind, record_id, field))

    def households(self, village=VILLAGE):
        return self.run("households", village).split()


def make_clash(a, b, household, field, value_a, value_b):
    """Both tablets change the same review-required field offline; the second push queues a review."""
    a.edit("household", household, field, value_a)
    b.edit("household", household, field, value_b)
    a.sync()
    b.sync()


def seed_cases(tool, server, count):
    """Monitoring cases of 马家村 carried to 公示 through push (console-case-seed); their ids."""
    answer = subprocess.run([tool, server.url(), str(count)], capture_output=True, text=True, timeout=120)
    if answer.returncode != 0:
        raise RuntimeError("console-case-seed: " + answer.stderr)
    return answer.stdout.split()


def chromium(window=(1366, 768)):
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = os.environ.get("RUHU_CHROMIUM", "/usr/bin/chromium")
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 "--no-first-run", "--lang=zh-CN", "--window-size=%d,%d" % window,
                 "--user-data-dir=" + tempfile.mkdtemp(prefix="ruhu-chromium-")):
        options.add_argument(flag)
    service = Service(os.environ.get("RUHU_CHROMEDRIVER", "/usr/bin/chromedriver"))
    return webdriver.Chrome(service=service, options=options)


def console_login(driver, server, username, password="ruhu2024"):
    from selenium.webdriver.common.by import By

    driver.delete_all_cookies()
    driver.get(server.url("/console/login"))
    driver.find_element(By.ID, "username").send_keys(username)
    driver.find_element(By.ID, "password").send_keys(password)
    driver.find_element(By.ID, "login").click()
