package lint

import "github.com/yuin/goldmark/ast"

// configureAdmonitions sets the site's admonition dialect and parser
// extension from the config (pending: the admonitions work).
func configureAdmonitions(cfg *Config, s *Site) error { return nil }

// extractDirective records references held by component attributes
// (pending: the admonitions work).
func extractDirective(post *Post, n ast.Node) {}
