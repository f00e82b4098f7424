package io.qprune.bench.demo;

import io.qprune.formulation.model.Mask;

/** One line of the demo's table: a method at a sparsity, what it kept and its test scores. */
public record DemoRow(String method, double sparsity, int kept, int units, double paramsFraction,
    double flopsFraction, double testPsnr, double testSsim, double seconds, Mask mask) {}
