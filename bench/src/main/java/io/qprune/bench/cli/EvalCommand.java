package io.qprune.bench.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.qprune.api.InvalidInputException;
import io.qprune.formulation.data.ColorMode;
import io.qprune.formulation.data.GaussianNoise;
import io.qprune.formulation.data.Noise;
import io.qprune.formulation.data.NoisyPair;
import io.qprune.formulation.data.Photo;
import io.qprune.formulation.data.PhotoFolder;
import io.qprune.formulation.data.PoissonGaussianNoise;
import io.qprune.formulation.data.ShippedPhotos;
import io.qprune.formulation.data.SiddFolder;
import io.qprune.formulation.data.Split;
import io.qprune.formulation.eval.EvalReport;
import io.qprune.formulation.eval.Evaluation;
import io.qprune.formulation.eval.ImageScore;
import io.qprune.formulation.classify.FashionMnist;
import io.qprune.formulation.evolve.WeightMask;
import io.qprune.formulation.evolve.WeightMaskFile;
import io.qprune.formulation.model.Classifier;
import io.qprune.formulation.model.ClassifierFile;
import io.qprune.formulation.model.Denoiser;
import io.qprune.formulation.model.Mask;
import io.qprune.formulation.model.ModelFile;
import io.qprune.formulation.model.SlimDenoiser;
import io.qprune.formulation.model.SlimModelFile;
import io.qprune.formulation.model.Torch;
import io.qprune.formulation.prune.io.MaskFile;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code qprune eval}: PSNR and SSIM of a (pruned) denoiser on whole photos, and of its input. */
@Command(
    name = "eval",
    mixinStandardHelpOptions = true,
    header = "Score a network, pruned or not, on test data (PSNR/SSIM, or a classifier's accuracy).",
    description = {
      "Denoise photos with seeded synthetic noise (or real SIDD pairs) and report PSNR/SSIM"
          + " of the output and the PSNR of the noisy input, mean and per image."
    })
public final class EvalCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--model", description = "Model file (default: the shipped Half-UNet C=32, sigma 25, grey), or a slim one from `qprune export`;"
      + " a classifier file, or resnet20 for the shipped one, reports test accuracy instead.")
  Path model;

  @Option(names = "--mask", description = "Mask file: one 0/1 per unit (spaces, commas, [..] allowed), mask.json"
      + " from `qprune prune`, or a weight mask (*.wmask.gz) from `qprune evolve`.")
  Path mask;

  @Option(names = "--data", paramLabel = "DIR", description = "Classifiers: the Fashion-MNIST folder (default:"
      + " $QPRUNE_FASHION_MNIST or /usr/share/datasets/fashion-mnist).")
  Path data;

  @Option(names = "--images", description = "Folder of clean PNG/JPEG photos (default: the shipped test split).")
  Path images;

  @Option(names = "--sidd", description = "SIDD-layout folder of real noisy/clean pairs (instead of --images and synthetic noise).")
  Path sidd;

  @Option(names = "--sigma", defaultValue = "25", description = "Gaussian noise sigma, 0-255 units (default: ${DEFAULT-VALUE}).")
  double sigma;

  @Option(names = "--poisson-gain", description = "Use Poisson-Gaussian noise with this gain (0-255 units); --sigma is then the read noise.")
  Double gain;

  @Mixin SharedOptions.Seed seedOption;

  @Mixin SharedOptions.Threads threadsOption;

  @Mixin SharedOptions.Compensation compensation;

  @Option(names = "--json", description = "Print one JSON object (psnr, ssim, noisy_psnr, per_image).")
  boolean json;

  @Override
  public Integer call() {
    return CliErrors.run(this::evaluate, spec.commandLine().getErr());
  }

  private int evaluate() throws IOException {
    Torch.configure(threadsOption.threads);
    if (model != null && (model.toString().equals("resnet20") || ClassifierFile.isClassifier(model))) {
      return classify();
    }
    Noise noise = gain == null ? new GaussianNoise(sigma) : new PoissonGaussianNoise(gain, sigma);
    if (model != null && SlimModelFile.isSlim(model)) {
      return evaluateSlim(noise);
    }
    try (Denoiser m = model == null ? ModelFile.loadDefault() : ModelFile.load(model)) {
      WeightMask weights = null;
      if (mask != null && WeightMaskFile.isWeightMask(mask)) {
        weights = WeightMaskFile.read(mask, m.network().weightLayers());
        m.network().pruneWeights(weights.arrays()); // for good: the model is closed after this run
      } else if (mask != null) {
        m.setMask(MaskFile.readMask(mask));
      }
      if (compensation.on && (weights != null || mask == null)) {
        throw new InvalidInputException("--compensation needs a unit mask (--mask with one 0/1 per unit or mask.json)");
      }
      compensation.apply(m);
      List<NoisyPair> pairs = pairs(m.spec().color(), noise);
      EvalReport r = Evaluation.run(m, pairs);
      PrintWriter out = spec.commandLine().getOut();
      if (json) {
        out.println(toJson(r, m.mask().kept(), m.mask().size(), weights, noise));
      } else {
        print(out, r, m.mask().kept(), m.mask().size(), noise);
      }
      out.flush();
    }
    return ExitCodes.OK;
  }

  /** An exported model (`qprune export`): its pruned units are gone, so it takes no mask. */
  private int evaluateSlim(Noise noise) throws IOException {
    if (mask != null) {
      throw new InvalidInputException(model + " is an exported model, already pruned: give no --mask");
    }
    try (SlimDenoiser m = SlimModelFile.load(model)) {
      EvalReport r = Evaluation.run(m, pairs(m.spec().color(), noise));
      int kept = java.util.Arrays.stream(m.widths()).sum();
      int units = m.widths().length * (m.spec().architecture()
          == io.qprune.formulation.model.Architecture.HALF_UNET ? m.spec().channels() / 2 : m.spec().channels());
      PrintWriter out = spec.commandLine().getOut();
      if (json) {
        ObjectNode root = (ObjectNode) new ObjectMapper().readTree(toJson(r, kept, units, null, noise));
        root.put("params", m.params());
        out.println(root);
      } else {
        print(out, r, kept, units, noise);
      }
      out.flush();
    }
    return ExitCodes.OK;
  }

  /** Test accuracy of a classifier (optionally under a weight mask) on Fashion-MNIST's test split. */
  private int classify() throws IOException {
    try (Classifier c = model.toString().equals("resnet20") ? ClassifierFile.loadDefault()
        : ClassifierFile.load(model)) {
      WeightMask w = mask == null ? WeightMask.all(c.weightLayers()) : WeightMaskFile.read(mask, c.weightLayers());
      FashionMnist.Splits s = FashionMnist.load(data);
      double acc = c.accuracy(s.test(), mask == null ? null : w.arrays(), 500);
      PrintWriter out = spec.commandLine().getOut();
      if (json) {
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode root = mapper.createObjectNode();
        root.put("accuracy", acc);
        root.put("error", 1 - acc);
        root.put("images", s.test().count());
        root.put("data", FashionMnist.locate(data).toString());
        root.put("model", model.toString());
        root.put("weights_kept", w.kept());
        root.put("weights", w.size());
        if (!s.note().isEmpty()) {
          root.put("note", s.note());
        }
        out.println(mapper.writeValueAsString(root));
      } else {
        if (!s.note().isEmpty()) {
          out.println(s.note());
        }
        out.printf(Locale.ROOT, "%s: test accuracy %.2f %% on %d images, %d of %d prunable weights kept (%.1f %%)%n",
            model, 100 * acc, s.test().count(), w.kept(), w.size(), 100 * w.keptFraction());
      }
      out.flush();
    }
    return ExitCodes.OK;
  }

  private List<NoisyPair> pairs(ColorMode color, Noise noise) {
    if (sidd != null) {
      if (images != null) {
        throw new InvalidInputException("Give either --images or --sidd, not both");
      }
      return SiddFolder.load(sidd, color);
    }
    List<Photo> photos = images == null
        ? ShippedPhotos.load(Split.TEST, color)
        : PhotoFolder.load(images, color);
    List<NoisyPair> out = new ArrayList<>();
    for (Photo p : photos) {
      out.add(new NoisyPair(p.name(), p.image(),
          noise.apply(p.image(), Noise.rngFor(seedOption.seed, p.name()))));
    }
    return out;
  }

  private String source() {
    return sidd != null ? "sidd:" + sidd : images != null ? images.toString() : "shipped test split";
  }

  private String toJson(EvalReport r, int kept, int units, WeightMask weights, Noise noise) throws IOException {
    ObjectMapper mapper = new ObjectMapper();
    ObjectNode root = mapper.createObjectNode();
    root.put("psnr", r.psnr());
    root.put("ssim", r.ssim());
    root.put("noisy_psnr", r.noisyPsnr());
    root.put("images", source());
    root.put("noise", sidd != null ? "real (SIDD)" : noise.describe());
    root.put("seed", seedOption.seed);
    root.put("model", model == null ? "default" : model.toString());
    root.put("units_kept", kept);
    if (weights != null) {
      root.put("weights_kept", weights.kept());
      root.put("weights", weights.size());
    }
    root.put("units", units);
    ArrayNode per = root.putArray("per_image");
    for (ImageScore s : r.perImage()) {
      ObjectNode n = per.addObject();
      n.put("name", s.name());
      n.put("psnr", s.psnr());
      n.put("ssim", s.ssim());
      n.put("noisy_psnr", s.noisyPsnr());
    }
    return mapper.writeValueAsString(root);
  }

  private void print(PrintWriter out, EvalReport r, int kept, int units, Noise noise) {
    out.printf(Locale.ROOT, "images: %s, noise: %s, seed %d, units kept %d/%d%n", source(),
        sidd != null ? "real (SIDD)" : noise.describe(), seedOption.seed, kept, units);
    out.printf(Locale.ROOT, "%-40s %9s %7s %9s%n", "image", "psnr", "ssim", "noisy");
    for (ImageScore s : r.perImage()) {
      out.printf(Locale.ROOT, "%-40s %9.3f %7.4f %9.3f%n", s.name(), s.psnr(), s.ssim(), s.noisyPsnr());
    }
    out.printf(Locale.ROOT, "%-40s %9.3f %7.4f %9.3f%n", "mean", r.psnr(), r.ssim(), r.noisyPsnr());
    out.printf(Locale.ROOT, "gain over noisy input: %+.3f dB%n", r.gain());
  }

  /** Runs the command alone (the qprune launcher registers it as a subcommand). */
  public static void main(String[] args) {
    System.exit(new CommandLine(new EvalCommand()).execute(args));
  }
}
