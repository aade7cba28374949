#!/usr/bin/python3
# a11y-walk.py — every section of the window, as a screen reader finds it
#
# Starts Counterfoil on a demo shop with the accessibility bridge on, signs
# in as the manager (who sees every section), opens each section from the
# keyboard, then Preferences, the loss dialog and the duplicate dialog, and
# walks the AT-SPI tree of each: an interactive widget (a button, a field, a
# check box, a list to choose from…) that is shown without an accessible name
# fails the test. GTK 4.8 names an unnamed widget after its class
# ("GtkImage"), so such a name counts as none.
#
# Run by `meson test a11y` under the ui suite (Xvfb and a D-Bus session).
#
# SPDX-License-Identifier: GPL-3.0-or-later

import os
import re
import subprocess
import sys
import tempfile
import time

# The app keeps the tests' fatal warnings; this script must not: AT-SPI's
# client warns of objects that come and go, which is no failure.
APP_G_DEBUG = os.environ.pop("G_DEBUG", None)

import gi  # noqa: E402

gi.require_version("Atspi", "2.0")
from gi.repository import Atspi  # noqa: E402

INTERACTIVE = {
    "push button", "toggle button", "check box", "radio button", "text", "password text", "combo box",
    "spin button", "menu item", "check menu item", "radio menu item", "link", "slider", "switch", "entry",
}
CLASS_NAME = re.compile(r"^(Gtk|Adw|Cf)[A-Z][A-Za-z]*$")
SECTIONS = ("Transactions", "Losses and Requests", "Handover", "Reconciliation", "Audit Log")
MAX_CHILDREN = 40


def wait_for(what, timeout=60.0):
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        found = what()
        if found:
            return found
        time.sleep(0.25)
    return None


def find_app(name):
    desktop = Atspi.get_desktop(0)
    for i in range(desktop.get_child_count()):
        app = desktop.get_child_at_index(i)
        if app is not None and app.get_name() == name:
            return app
    return None


def nodes(node, path=()):
    """Every visible descendant of @node (GTK 4.8 sets no SHOWING state: the
    pages of a stack not on screen are walked too), with the way to it."""
    try:
        role = node.get_role_name()
        name = node.get_name() or ""
        states = node.get_state_set()
    except Exception:
        return
    if not states.contains(Atspi.StateType.VISIBLE) and path:
        return
    here = path + ((role, name),)
    yield node, role, name, here
    # A list's rows are alike: the first ones stand for the rest.
    for i in range(min(node.get_child_count(), MAX_CHILDREN)):
        child = node.get_child_at_index(i)
        if child is not None:
            yield from nodes(child, here)


def find(root, role, name):
    """The first @role whose name is @name or ends with it (a mnemonic
    label's name comes doubled in GTK 4.8: "_Sign In Sign In")."""
    for node, r, n, _ in nodes(root):
        if r == role and (n == name or n.endswith(" " + name)):
            return node
    return None


def has_name(name):
    return name.strip() != "" and not CLASS_NAME.match(name)


def unnamed(root):
    problems = []
    for node, role, name, path in nodes(root):
        if role not in INTERACTIVE or has_name(name):
            continue
        # A widget's own parts (a drop-down's button, a password field's
        # eye) are read as the named widget they belong to.
        if any(r in INTERACTIVE and has_name(n) for r, n in path[-6:-1]):
            continue
        named = [f"{r} “{n}”" for r, n in path[:-1] if has_name(n)]
        try:
            box = node.get_extents(Atspi.CoordType.WINDOW)
            where = f" at {box.x},{box.y} ({box.width}×{box.height})"
        except Exception:
            where = ""
        problems.append(f"{role} “{name}” without a name{where}, in {' > '.join(named[-2:]) or 'the window'}")
    return problems


def main():
    exe = os.environ["COUNTERFOIL_EXE"]
    with tempfile.TemporaryDirectory(prefix="counterfoil-a11y-") as tmp:
        db = os.path.join(tmp, "shop.db")
        env = dict(os.environ)
        subprocess.run([exe, "--db", db, "demo", "--transactions", "400"], env=env, check=True,
                       stdout=subprocess.DEVNULL)
        # The manager is remembered as the last to sign in; the bridge is on.
        settings = os.path.join(tmp, "config", "glib-2.0", "settings")
        os.makedirs(settings)
        with open(os.path.join(settings, "keyfile"), "w") as f:
            f.write("[org/counterfoil/Counterfoil]\noperator='099'\nbackup-on-close=false\n")
        for name in ("NO_AT_BRIDGE", "GTK_A11Y"):
            env.pop(name, None)
        env.update(GSETTINGS_BACKEND="keyfile", XDG_CONFIG_HOME=os.path.join(tmp, "config"),
                   XDG_DATA_HOME=os.path.join(tmp, "data"))
        if APP_G_DEBUG is not None:
            env["G_DEBUG"] = APP_G_DEBUG
        # Its output goes to a file, never to this test's pipes: an app left
        # running would hold them open and the test would never end.
        log_path = os.path.join(tmp, "app.log")
        # An app that could not reach the display at all (seen once on a loaded
        # machine: "cannot open display") is started again, once: the walk is
        # about names, not about the X server.
        for attempt in range(2):
            with open(log_path, "a") as log:
                app = subprocess.Popen([exe, "--db", db], env=env, stdout=log, stderr=subprocess.STDOUT)
            try:
                app.wait(timeout=3)
            except subprocess.TimeoutExpired:
                break
            print(f"# the app ended at once (status {app.returncode}); starting it again")
        try:
            status = walk(app)
        except gi.repository.GLib.GError as error:
            # The app went away under the walk: its log says why.
            print(f"Bail out! {error.message}; the app {'exited with ' + str(app.poll()) if app.poll() is not None else 'still runs'}")
            status = 1
        finally:
            app.terminate()
            try:
                app.wait(timeout=30)
            except subprocess.TimeoutExpired:
                app.kill()
        with open(log_path) as log:
            for line in log:
                print(f"# app: {line.rstrip()}")
        return status


def walk(process):
    Atspi.init()
    app = wait_for(lambda: find_app("counterfoil"))
    if app is None:
        print("Bail out! counterfoil never showed on the accessibility bus")
        return 1
    frame = wait_for(lambda: app.get_child_at_index(0) if app.get_child_count() > 0 else None)
    problems = unnamed(frame)

    pin = wait_for(lambda: find(frame, "text", "PIN"))
    if pin is None:
        print("Bail out! the sign-in page has no PIN field")
        return 1
    # Typed as a person types: GTK 4.8 takes no text through AT-SPI. Once
    # more if the first try was lost on a machine too busy to keep up.
    time.sleep(0.5)
    for attempt in range(2):
        # A click into the PIN field first, should anything have taken the
        # focus; GTK gives positions in its window only.
        box = pin.get_extents(Atspi.CoordType.WINDOW)
        windows = subprocess.run(["xdotool", "search", "--onlyvisible", "--pid", str(process.pid)],
                                 capture_output=True, text=True).stdout.split()
        if windows:
            subprocess.run(["xdotool", "mousemove", "--window", windows[0], str(box.x + box.width // 2),
                            str(box.y + box.height // 2), "click", "1"], check=True)
        subprocess.run(["xdotool", "type", "--delay", "50", "2580"], check=True)
        subprocess.run(["xdotool", "key", "Return"], check=True)
        if wait_for(lambda: find(frame, "page tab", "Audit Log"), timeout=30) is not None:
            break
    else:
        print("Bail out! signing in as the manager did not show the Audit Log")
        return 1

    # Each section once, from the keyboard (Alt+1…5), so that what a section
    # builds when it is first shown is there; then the whole window is walked.
    for n, _ in enumerate(SECTIONS, start=1):
        subprocess.run(["xdotool", "key", f"alt+{n}"], check=True)
        time.sleep(1.0)
    desk = sorted(set(unnamed(frame)))

    # Preferences (Ctrl+,), a window of its own with its pages.
    subprocess.run(["xdotool", "key", "ctrl+comma"], check=True)
    preferences = wait_for(lambda: next((app.get_child_at_index(i) for i in range(app.get_child_count())
                                         if app.get_child_at_index(i).get_name() == "Preferences"), None))
    time.sleep(1.0)
    settings = sorted(set(unnamed(preferences))) if preferences is not None else ["the window did not open"]
    subprocess.run(["xdotool", "key", "Escape"], check=True)

    # The guided loss dialog, from the Losses section's button (Alt+R).
    time.sleep(0.5)
    subprocess.run(["xdotool", "key", "alt+2"], check=True)
    time.sleep(0.5)
    subprocess.run(["xdotool", "key", "alt+r"], check=True)
    dialog = wait_for(lambda: next((app.get_child_at_index(i) for i in range(app.get_child_count())
                                    if app.get_child_at_index(i).get_name() == "Report Lost Slips"), None), timeout=20)
    time.sleep(1.0)
    loss = sorted(set(unnamed(dialog))) if dialog is not None else ["the dialog did not open"]
    subprocess.run(["xdotool", "key", "Escape"], check=True)

    # The duplicate dialog, from the browser (Ctrl+P on the selected sale).
    subprocess.run(["xdotool", "key", "alt+1"], check=True)
    time.sleep(0.5)
    subprocess.run(["xdotool", "key", "ctrl+p"], check=True)
    known = {frame.get_name(), "Preferences", "Report Lost Slips"}
    duplicate = wait_for(lambda: next((app.get_child_at_index(i) for i in range(app.get_child_count())
                                       if app.get_child_at_index(i).get_name() not in known), None), timeout=20)
    time.sleep(1.0)
    issue = sorted(set(unnamed(duplicate))) if duplicate is not None else ["the dialog did not open"]
    subprocess.run(["xdotool", "key", "Escape"], check=True)

    print("1..5")
    failed = 0
    for n, (what, found) in enumerate((("the sign-in page", sorted(set(problems))),
                                       ("every section: " + ", ".join(SECTIONS), desk),
                                       ("Preferences", settings),
                                       ("the loss dialog", loss),
                                       ("the duplicate dialog", issue)), start=1):
        if found:
            failed += 1
            print(f"not ok {n} {what}")
            for p in found:
                print(f"# {p}")
        else:
            print(f"ok {n} {what}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
