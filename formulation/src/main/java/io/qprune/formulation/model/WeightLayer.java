package io.qprune.formulation.model;

/**
 * One layer whose individual weights may be pruned: its name, position, number of weights, and
 * the index of its first weight in the network's global weight order.
 */
public record WeightLayer(String name, int index, int size, int offset) {}
