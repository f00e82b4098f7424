package io.qprune.formulation.evolve;

import java.util.List;

/**
 * What an evolutionary pruning run found: the Phase-1 front, the final front (non-dominated union
 * of both phases, test errors measured), their hypervolumes w.r.t. {@code reference}, the anchors
 * and corridor of Phase 2, the unpruned network's errors, evaluations and wall time.
 */
public record EvolveResult(String task, List<FrontMember> phase1, List<FrontMember> phase2, List<FrontMember> front,
    double[] reference, double hypervolumePhase1, double hypervolumePhase2, double hypervolumeFinal,
    FrontMember light, FrontMember heavy, int corridor, double unprunedValError, double unprunedTestError,
    long evaluations, double seconds, String note) {}
