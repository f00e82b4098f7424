package io.qprune.bench.pruning;

/**
 * One pruned classifier of the comparison: method at a level (budget fraction or unit sparsity) and
 * seed, the α/β used, what it kept, whether it met the level (within the budget's tolerance, or
 * exactly k units), validation and test top-1 accuracy (0–1), and the seconds of each stage.
 */
public record ClassifierRow(String method, double level, long seed, double alpha, double beta, int keptUnits,
    int units, double paramsFraction, double flopsFraction, boolean withinBudget, double valAccuracy,
    double testAccuracy, double scoreSeconds, double selectSeconds, double evalSeconds) {

  static final String CSV_HEADER = "method,level,seed,alpha,beta,kept_units,units,params_fraction,flops_fraction,"
      + "within_budget,val_accuracy,test_accuracy,score_s,select_s,eval_s";

  String csv() {
    return String.join(",", method, fmt(level), Long.toString(seed), fmt(alpha), fmt(beta),
        Integer.toString(keptUnits), Integer.toString(units), fmt(paramsFraction), fmt(flopsFraction),
        Boolean.toString(withinBudget), fmt(valAccuracy), fmt(testAccuracy), fmt(scoreSeconds),
        fmt(selectSeconds), fmt(evalSeconds));
  }

  private static String fmt(double v) {
    return Double.isNaN(v) ? "" : String.format(java.util.Locale.ROOT, "%.6g", v);
  }
}
