package io.qprune.bench.pruning;

/**
 * One pruned network of the comparison: which method at which sparsity and seed (α, β used),
 * what it kept (and the mask), its validation-crop and test PSNR/SSIM, and the seconds of each
 * stage.
 */
public record RunRow(String method, double sparsity, long seed, double alpha, double beta,
    int keptUnits, int units, double paramsFraction, double flopsFraction, double valPsnr,
    double testPsnr, double testSsim, double scoreSeconds, double selectSeconds,
    double evalSeconds, boolean exactK, boolean solverReturnedK,
    io.qprune.formulation.model.Mask mask) {

  static final String CSV_HEADER = "method,sparsity,seed,alpha,beta,kept_units,units,params_fraction,"
      + "flops_fraction,val_psnr,test_psnr,test_ssim,score_s,select_s,eval_s,exact_k,solver_returned_k";

  String csv() {
    return String.join(",", method, fmt(sparsity), Long.toString(seed), fmt(alpha), fmt(beta),
        Integer.toString(keptUnits), Integer.toString(units), fmt(paramsFraction),
        fmt(flopsFraction), fmt(valPsnr), fmt(testPsnr), fmt(testSsim), fmt(scoreSeconds),
        fmt(selectSeconds), fmt(evalSeconds), Boolean.toString(exactK),
        Boolean.toString(solverReturnedK));
  }

  private static String fmt(double v) {
    return Double.isNaN(v) ? "" : String.format(java.util.Locale.ROOT, "%.6g", v);
  }
}
