#!/usr/bin/env python3
"""Checks the kiosk's #include lines against kiosk/modules.toml, the one statement of which module may include
which and which system libraries each may see (directly or through the headers it includes).

Usage: check-includes.py [--root DIR] [--rules FILE]
  --root   the source folder holding one folder a module (default: kiosk/ beside this script's folder)
  --rules  the rules file (default: ROOT/modules.toml)

Prints one line a broken rule, FILE:LINE: what and which rule, and exits 1; exits 0 with a summary when clean.
"""

import argparse
import pathlib
import re
import sys
import tomllib

INCLUDE = re.compile(r'^\s*#\s*include\s*([<"])([^>"]+)[>"]')
SOURCE_SUFFIXES = {".h", ".hpp", ".cpp", ".cc"}


def load_rules(path):
    with open(path, "rb") as f:
        rules = tomllib.load(f)
    libraries = rules.get("libraries", {})
    modules = rules.get("modules", {})
    problems = []
    for name, rule in modules.items():
        for used in rule.get("uses", []):
            if used not in modules:
                problems.append(f"{path}: module {name} uses {used}, which has no [modules.{used}]")
        for library in rule.get("libraries", []):
            if library not in libraries:
                problems.append(f"{path}: module {name} lists library {library}, which [libraries] lacks")
    problems += find_cycles(path, modules)
    return libraries, modules, problems


def find_cycles(path, modules):
    state = {}
    problems = []

    def visit(name, trail):
        if state.get(name) == "done":
            return
        if state.get(name) == "open":
            cycle = trail[trail.index(name):] + [name]
            problems.append(f"{path}: the modules depend in a circle: {' -> '.join(cycle)}")
            return
        state[name] = "open"
        for used in modules.get(name, {}).get("uses", []):
            if used in modules:
                visit(used, trail + [name])
        state[name] = "done"

    for name in sorted(modules):
        visit(name, [])
    return problems


def library_of(header, libraries):
    for library, prefixes in libraries.items():
        for prefix in prefixes:
            if header == prefix or (not prefix.endswith(".h") and header.startswith(prefix)):
                return library
    return None


class Tree:
    """The source files under root and what each includes: (line, kind, target) with kind '"' or '<'."""

    def __init__(self, root):
        self.root = root
        self.includes = {}
        for path in sorted(root.rglob("*")):
            if path.is_file() and path.suffix in SOURCE_SUFFIXES:
                relative = path.relative_to(root).as_posix()
                found = []
                with open(path, encoding="utf-8", errors="replace") as f:
                    for number, line in enumerate(f, 1):
                        match = INCLUDE.match(line)
                        if match:
                            found.append((number, match.group(1), match.group(2)))
                self.includes[relative] = found

    def resolve(self, including, target):
        """The project file a quoted include names (from the root, or beside the including file), or None."""
        if target in self.includes:
            return target
        beside = (pathlib.PurePosixPath(including).parent / target).as_posix()
        return beside if beside in self.includes else None


def module_of(relative):
    parts = relative.split("/")
    return parts[0] if len(parts) > 1 else None


def reached_libraries(tree, libraries, start, memo):
    """Every library header seen from `start` through quoted includes: {library: (header, chain)}, the chain
    being the files passed through (the last one holds the angle include), shortest first found."""
    if start in memo:
        return memo[start]
    memo[start] = {}  # a cycle of headers ends here rather than looping
    seen = {}
    for number, kind, target in tree.includes[start]:
        if kind == "<":
            library = library_of(target, libraries)
            if library and library not in seen:
                seen[library] = (target, [f"{start}:{number}"])
        else:
            resolved = tree.resolve(start, target)
            if not resolved:
                continue
            for library, (header, chain) in reached_libraries(tree, libraries, resolved, memo).items():
                if library not in seen:
                    seen[library] = (header, [f"{start}:{number}"] + chain)
    memo[start] = seen
    return seen


def check(root, rules_path):
    libraries, modules, problems = load_rules(rules_path)
    tree = Tree(root)
    rules_name = rules_path.as_posix()
    shown_root = root.as_posix().rstrip("/") + "/"
    files_checked = 0
    memo = {}
    for relative, found in tree.includes.items():
        module = module_of(relative)
        if module is None:
            continue
        files_checked += 1
        rule = modules.get(module)
        if rule is None:
            problems.append(f"{shown_root}{relative}:1: module {module} has no [modules.{module}] in {rules_name}: "
                            f"say which modules it uses and which libraries it sees")
            continue
        uses = set(rule.get("uses", [])) | {module}
        allowed_libraries = set(rule.get("libraries", []))
        for number, kind, target in found:
            if kind != '"':
                continue
            resolved = tree.resolve(relative, target)
            if resolved is None:
                continue
            target_module = module_of(resolved)
            if target_module not in uses:
                allowed = ", ".join(sorted(uses - {module})) or "none"
                problems.append(f"{shown_root}{relative}:{number}: {module} may not include {target} "
                                f"(module {target_module}); {module} uses only: {allowed} ({rules_name})")
        for library, (header, chain) in sorted(reached_libraries(tree, libraries, relative, memo).items()):
            if library in allowed_libraries:
                continue
            first = chain[0].split(":", 1)[1]
            through = " -> ".join(chain[1:])
            route = f" through {through}" if through else ""
            allowed = ", ".join(sorted(allowed_libraries)) or "none"
            problems.append(f"{shown_root}{relative}:{first}: {module} may not see <{header}> (library {library})"
                            f"{route}; {module} may see only: {allowed} ({rules_name})")
    return problems, files_checked, len(modules)


def main():
    here = pathlib.Path(__file__).resolve().parent.parent
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--root", type=pathlib.Path, default=here / "kiosk")
    parser.add_argument("--rules", type=pathlib.Path)
    args = parser.parse_args()
    rules = args.rules or args.root / "modules.toml"
    if not rules.is_file():
        print(f"check-includes: no rules file at {rules}", file=sys.stderr)
        return 2
    problems, files_checked, module_count = check(args.root, rules)
    for problem in problems:
        print(problem)
    if problems:
        print(f"check-includes: {len(problems)} broken rule(s) in {files_checked} files", file=sys.stderr)
        return 1
    print(f"check-includes: {files_checked} files of {module_count} modules keep {rules}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
