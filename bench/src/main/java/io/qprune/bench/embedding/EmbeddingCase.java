package io.qprune.bench.embedding;

import io.qprune.api.Qubo;

/** One QUBO to embed: its scope ({@code layer} or {@code network}), a name, and the model. */
public record EmbeddingCase(String scope, String name, Qubo qubo) {}
