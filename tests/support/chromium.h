// A real headless Chromium for the end-to-end tests that check a report page
// as a browser renders it: finding the browser, running it on a page, and
// the text a reader sees of the DOM it dumps. Tests skip, saying why, when no
// Chromium can be found or started (ChromiumUnavailable).
#pragma once

#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <regex>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "tests/support/test_support.h"

namespace handover::testing {

// The browser: $HANDOVER_CHROMIUM, else the first of the usual names on PATH;
// "" when there is none.
inline std::string FindChromium() {
  if (const char* named = std::getenv("HANDOVER_CHROMIUM"); named && *named) return named;
  const char* path = std::getenv("PATH");
  std::istringstream dirs(path ? path : "");
  for (std::string dir; std::getline(dirs, dir, ':');)
    for (const char* name : {"chromium", "chromium-browser", "google-chrome"}) {
      const std::filesystem::path candidate = std::filesystem::path(dir) / name;
      if (::access(candidate.c_str(), X_OK) == 0) return candidate.string();
    }
  return "";
}

// Runs `command` through the shell with standard output and error in files;
// returns its exit status (-1 if it did not exit).
inline int Shell(const std::string& command, const std::filesystem::path& out, const std::filesystem::path& err) {
  const int status = std::system((command + " > '" + out.string() + "' 2> '" + err.string() + "'").c_str());
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

// Runs `chromium` headless on `url` with `flags` (e.g. "--dump-dom"), its
// profile, standard output and error in `scratch` (chromium.out,
// chromium.err); returns its exit status, its standard output in `out`.
inline int RunChromium(const std::string& chromium, const std::filesystem::path& scratch, const std::string& flags,
                       const std::string& url, std::string& out) {
  const int status = Shell("timeout 60 '" + chromium +
                               "' --headless=new --no-sandbox --disable-gpu --no-first-run --user-data-dir='" +
                               (scratch / "chromium-profile").string() + "' " + flags + " '" + url + "'",
                           scratch / "chromium.out", scratch / "chromium.err");
  out = ReadFile(scratch / "chromium.out");
  return status;
}

// "" when a Chromium is found and dumps about:blank headless (its path in
// `chromium`), else why not, for GTEST_SKIP.
inline std::string ChromiumUnavailable(const std::filesystem::path& scratch, std::string& chromium) {
  chromium = FindChromium();
  if (chromium.empty()) return "no Chromium found (apt-get install chromium, or set HANDOVER_CHROMIUM)";
  std::string blank;
  if (RunChromium(chromium, scratch, "--dump-dom", "about:blank", blank) != 0 ||
      blank.find("<html") == std::string::npos)
    return chromium + " cannot start headless: " + ReadFile(scratch / "chromium.err");
  return "";
}

// What a reader sees of a DOM: tags dropped (each as a space), the usual
// character references decoded, runs of white space as one space.
inline std::string VisibleText(const std::string& dom) {
  std::string text = std::regex_replace(dom, std::regex("<style[^>]*>[^<]*</style>|<title>[^<]*</title>"), " ");
  text = std::regex_replace(text, std::regex("<[^>]*>"), " ");
  for (const auto& [ref, c] : std::vector<std::pair<std::string, std::string>>{
           {"&lt;", "<"}, {"&gt;", ">"}, {"&quot;", "\""}, {"&#39;", "'"}, {"&nbsp;", " "}, {"&amp;", "&"}})
    text = std::regex_replace(text, std::regex(ref), c);
  return std::regex_replace(text, std::regex("\\s+"), " ");
}

}  // namespace handover::testing
