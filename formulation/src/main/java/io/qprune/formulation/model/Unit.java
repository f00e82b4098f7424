package io.qprune.formulation.model;

/**
 * One prunable unit (a conv output channel, or a Ghost primary channel with its cheap twin): its
 * global id, its layer, its index in that layer, and what pruning it alone from the full model
 * saves in parameters and in FLOPs per input pixel.
 */
public record Unit(int id, String layer, int layerIndex, int index, long params, double flopsPerPixel) {}
