package io.qprune.bench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class HelpAndVersionTest {
  @Test
  void topLevelHelpHasNoPicocliWarningAndListsEveryCommandByAWholeSentence() {
    String[] err = new String[1];
    CliRun r = withSystemErr(err, () -> CliRun.main("--help"));
    assertThat(r.code()).isZero();
    assertThat(err[0] + r.err()).doesNotContain("WARN");
    assertThat(r.out()).contains("Commands:").contains("Prune the shipped Half-UNet end to end and write an HTML report.");
  }

  @Test
  void everyCommandHasAOneSentenceHeaderAndHelpWithoutWarnings() {
    List<CommandLine> all = new ArrayList<>();
    collect(Main.commandLine(), all);
    assertThat(all).hasSizeGreaterThan(12);
    for (CommandLine c : all) {
      String[] header = c.getCommandSpec().usageMessage().header();
      String name = c.getCommandSpec().qualifiedName();
      assertThat(header).as(name).hasSize(1);
      assertThat(header[0]).as(name).endsWith(".").doesNotContain(". ");
      assertThat(Character.isUpperCase(header[0].charAt(0))).as(name).isTrue();
      String[] err = new String[1];
      String usage = withSystemErr(err, c::getUsageMessage);
      assertThat(err[0]).as(name).doesNotContain("[picocli WARN]");
      assertThat(usage).as(name).doesNotContain("%n");
    }
  }

  @Test
  void versionIsTheBuildsOnEveryCommand() {
    String v = QpruneVersion.version();
    assertThat(v).matches("\\d+\\.\\d+\\.\\d+.*");
    assertThat(CliRun.main("-V").out().strip()).isEqualTo("qprune " + v);
    assertThat(CliRun.main("solve", "-V").out().strip()).isEqualTo("qprune " + v);
    assertThat(CliRun.main("bench", "pruning", "-V").out().strip()).isEqualTo("qprune " + v);
  }

  private static void collect(CommandLine c, List<CommandLine> all) {
    all.add(c);
    c.getSubcommands().values().forEach(s -> collect(s, all));
  }

  /** Picocli reports formatting problems on System.err (its tracer), not on the command's writer. */
  private static <T> T withSystemErr(String[] captured, java.util.function.Supplier<T> body) {
    PrintStream old = System.err;
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    System.setErr(new PrintStream(buf, true, StandardCharsets.UTF_8));
    try {
      return body.get();
    } finally {
      System.setErr(old);
      captured[0] = buf.toString(StandardCharsets.UTF_8);
    }
  }
}
