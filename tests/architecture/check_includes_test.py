#!/usr/bin/env python3
"""The include checker on small planted trees: a clean one passes; a forbidden module include, a library seen
through a chain of headers, a module without rules and rules that go in a circle each fail, naming the file, the
line and the rule."""

import pathlib
import subprocess
import sys
import tempfile
import unittest

CHECKER = pathlib.Path(sys.argv.pop(1) if len(sys.argv) > 1 else
                       pathlib.Path(__file__).resolve().parents[2] / "scripts" / "check-includes.py")

RULES = """
[libraries]
sqlite = ["sqlite3.h"]
sdl = ["SDL.h", "SDL_"]

[modules.core]
uses = []
libraries = []

[modules.store]
uses = ["core"]
libraries = ["sqlite"]

[modules.ui]
uses = ["core"]
libraries = []
"""

CLEAN = {
    "core/Thing.h": "#pragma once\n#include <string>\n",
    "store/Db.h": '#pragma once\n#include "core/Thing.h"\n#include <sqlite3.h>\n',
    "store/Db.cpp": '#include "store/Db.h"\n',
    "ui/Screen.h": '#pragma once\n#include "core/Thing.h"\n#include <vector>\n',
}


def run(files, rules=RULES):
    with tempfile.TemporaryDirectory() as folder:
        root = pathlib.Path(folder) / "kiosk"
        for name, text in files.items():
            path = root / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text)
        (root / "modules.toml").write_text(rules)
        done = subprocess.run([sys.executable, str(CHECKER), "--root", str(root)], capture_output=True, text=True)
        return done.returncode, done.stdout.replace(str(root) + "/", "")


class CheckIncludes(unittest.TestCase):
    def test_clean_tree_passes(self):
        code, out = run(CLEAN)
        self.assertEqual(code, 0, out)

    def test_forbidden_module_include_names_file_line_and_rule(self):
        files = dict(CLEAN)
        files["ui/Screen.cpp"] = '#include "ui/Screen.h"\n\n#include "store/Db.h"\n'
        code, out = run(files)
        self.assertEqual(code, 1)
        self.assertIn("ui/Screen.cpp:3: ui may not include store/Db.h (module store); ui uses only: core", out)

    def test_library_seen_through_headers_names_the_chain(self):
        files = dict(CLEAN)
        files["core/Thing.h"] = '#pragma once\n#include "core/Deeper.h"\n'
        files["core/Deeper.h"] = "#pragma once\n\n#include <SDL.h>\n"
        code, out = run(files)
        self.assertEqual(code, 1)
        # The module that includes it directly, and one that sees it through two headers.
        self.assertIn("core/Deeper.h:3: core may not see <SDL.h> (library sdl); core may see only: none", out)
        self.assertIn("ui/Screen.h:2: ui may not see <SDL.h> (library sdl) through core/Thing.h:2 -> "
                      "core/Deeper.h:3; ui may see only: none", out)

    def test_module_without_rules_fails(self):
        files = dict(CLEAN)
        files["net/Http.cpp"] = '#include "core/Thing.h"\n'
        code, out = run(files)
        self.assertEqual(code, 1)
        self.assertIn("net/Http.cpp:1: module net has no [modules.net]", out)

    def test_circle_in_the_rules_fails(self):
        code, out = run(CLEAN, RULES.replace('[modules.core]\nuses = []', '[modules.core]\nuses = ["ui"]'))
        self.assertEqual(code, 1)
        self.assertIn("the modules depend in a circle: core -> ui -> core", out)


if __name__ == "__main__":
    unittest.main(verbosity=2)
