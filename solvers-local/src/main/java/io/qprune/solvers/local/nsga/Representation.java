package io.qprune.solvers.local.nsga;

import io.qprune.api.blackbox.MultiObjectiveProblem;
import java.util.SplittableRandom;

/** How genomes of one problem are drawn at random and turned into compact, exact string keys. */
interface Representation<G> {
  /** A random genome of the initial population. */
  G random(SplittableRandom rng);

  /** A string equal for equal genomes only (binary: 16 bits per char; real: 4 chars per double). */
  String key(G genome);

  /** The genome a key was made from. */
  G fromKey(String key);

  @SuppressWarnings("unchecked")
  static <G> Representation<G> of(MultiObjectiveProblem<G> problem) {
    return (Representation<G>) (problem.isBinary() ? new BinaryRepresentation(problem.length(),
        problem.scores().orElse(null)) : new RealRepresentation((MultiObjectiveProblem<double[]>) problem));
  }
}
