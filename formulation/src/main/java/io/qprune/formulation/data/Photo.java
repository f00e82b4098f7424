package io.qprune.formulation.data;

/** A named clean image, e.g. one shipped photograph. */
public record Photo(String name, Image image) {}
