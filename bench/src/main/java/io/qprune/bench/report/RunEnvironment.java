package io.qprune.bench.report;

import java.lang.management.ManagementFactory;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;

/** What a report records about how and where a campaign ran: command, date, versions and machine. */
public record RunEnvironment(String commandLine, String planText, String date, String qpruneVersion,
    String java, String os, int cores, long maxHeapMiB, String jvmArguments) {

  /** This JVM, now, running {@code commandLine}; {@code planText} is the plan file's text or null. */
  public static RunEnvironment current(String commandLine, String planText) {
    String version = RunEnvironment.class.getPackage().getImplementationVersion();
    return new RunEnvironment(commandLine, planText, ZonedDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME),
        version == null ? "unknown (not run from the packaged qprune.jar)" : version,
        System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + ", "
            + System.getProperty("java.vendor") + ")",
        System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"),
        Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() / (1024 * 1024),
        String.join(" ", ManagementFactory.getRuntimeMXBean().getInputArguments()));
  }

  /** The record as plain values, for results.json. */
  public Map<String, Object> describe() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("command", commandLine);
    m.put("date", date);
    m.put("qprune_version", qpruneVersion);
    m.put("java", java);
    m.put("os", os);
    m.put("processors", cores);
    m.put("max_heap_mib", maxHeapMiB);
    m.put("jvm_arguments", jvmArguments);
    return m;
  }
}
