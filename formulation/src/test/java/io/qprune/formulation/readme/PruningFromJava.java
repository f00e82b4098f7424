package io.qprune.formulation.readme;

// README begin: the "From Java" pruning example, quoted verbatim by README.md (ReadmeExampleTest checks it)
import io.qprune.api.SolveRequest;
import io.qprune.api.Solver;
import io.qprune.api.Solvers;
import io.qprune.formulation.importance.ScoreSet;
import io.qprune.formulation.importance.io.ScoreFiles;
import io.qprune.formulation.model.Denoiser;
import io.qprune.formulation.model.Mask;
import io.qprune.formulation.model.ModelFile;
import io.qprune.formulation.model.Torch;
import io.qprune.formulation.prune.PruneConfig;
import io.qprune.formulation.prune.PruneRun;
import io.qprune.formulation.prune.Pruner;
import java.nio.file.Path;

public final class PruningFromJava {
  /** Your network: scores computed elsewhere (.npz, .json or a folder of .npy), the mask comes back. */
  public static Mask fromScores(Path scoresFile, PruneConfig cfg) {
    ScoreSet scores = ScoreFiles.read(scoresFile);
    Solvers solvers = Solvers.discover();
    Solver solver = solvers.create(cfg.solver(), cfg.solverParameters());
    Pruner pruner = new Pruner(solver, solvers.provider(cfg.solver()).capabilities());
    Mask mask = pruner.prune(scores, cfg.settings(), SolveRequest.seeded(cfg.seed())).selection().mask();
    for (int i = 0; i < mask.size(); i++) {
      System.out.println(scores.layout().id(i) + (mask.keeps(i) ? " kept" : " pruned"));
    }
    return mask;
  }

  /** The shipped Half-UNet: scores on calibration crops, exact-k selection, then test PSNR/SSIM. */
  public static PruneRun.Result fromShippedModel(PruneConfig cfg) {
    Torch.configure(cfg.threads());
    Solvers solvers = Solvers.discover();
    Solver solver = solvers.create(cfg.solver(), cfg.solverParameters());
    try (Denoiser model = ModelFile.loadDefault()) {
      PruneRun.Result r = PruneRun.run(model, cfg, solver, solvers.provider(cfg.solver()).capabilities(),
          PruneRun.Progress.none());
      Mask mask = r.pruned().selection().mask();  // the model now holds this mask
      System.out.printf("kept %d of %d units, params %.1f %%%n", mask.kept(), mask.size(),
          100 * r.kept().paramsFraction(r.full()));
      if (r.test() != null) {                      // unless the config says evaluate: false
        System.out.printf("test PSNR %.2f dB, SSIM %.4f%n", r.test().psnr(), r.test().ssim());
      }
      return r;
    }
  }

  public static void main(String[] args) {
    // or PruneConfig.load(Path.of("configs/prune-default.yaml")); a solver swap is .with("solver", "tabu")
    //     .with("solver_parameters", Map.of()), as the CLI's --solver resets the parameters
    PruneConfig cfg = PruneConfig.defaults().with("sparsity", 0.36).with("seed", 7);
    if (args.length > 0) {
      fromScores(Path.of(args[0]), cfg);         // e.g. scores.npz from the PyTorch sketch above
    } else {
      fromShippedModel(cfg);
    }
  }
}
// README end
