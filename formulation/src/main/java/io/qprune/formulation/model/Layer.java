package io.qprune.formulation.model;

/**
 * One prunable layer: its name, position, how many units it has, the index of its first unit in
 * the model's global unit order, and how many channels make up one unit (2 for a Ghost block).
 */
public record Layer(String name, int index, int units, int firstUnit, int channelsPerUnit) {}
