/**
 * The one loader of config files (pruning, refinement, evolution, solver and benchmark-plan
 * configs): YAML or JSON bound by Jackson to records with snake_case keys, strict about unknown
 * keys and types, with errors that name the file, the key and the line.
 */
package io.qprune.api.config;
