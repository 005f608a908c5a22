// Parse: mapping-file text -> AST, with syntax errors as diagnostics.
#pragma once

#include <string>
#include <vector>

#include "transform/diagnostic.h"
#include "transform/language/ast.h"

namespace handover::transform {

// One parsed mapping file: its text, its AST and where each AST node sits.
struct ParsedFile {
  std::string path;
  std::string text;
  ast::File items;
  // Byte offsets into `text`, indexed by position_tagged::id_first/id_last.
  std::vector<size_t> offsets;

  // Byte offsets of the start and end of a node the parser tagged (0 if untagged).
  size_t Begin(const ast::x3::position_tagged& node) const;
  size_t End(const ast::x3::position_tagged& node) const;
  // The source text a node was parsed from.
  std::string TextOf(const ast::x3::position_tagged& node) const;
  // A diagnostic pointing at the start of `node`.
  Diagnostic At(const ast::x3::position_tagged& node, std::string message) const;
};

// Parses `text` (the contents of `path`). On a syntax error returns false and
// appends one diagnostic ("expected ..." at the offending token); `out` is
// then incomplete. Never throws.
bool ParseMappingText(std::string path, std::string text, ParsedFile& out,
                      std::vector<Diagnostic>& diagnostics);

}  // namespace handover::transform
