import com.hankcs.hanlp.HanLP;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Run by bench/segmenter.sh with the HanLP jar the portal ships: the time and heap of the first use of the word
 * segmenter (as AssistantService.questionWords and the portal's warm-up call it) and of the phrase-aware script
 * conversion (as ReaderScript calls it), in the order given, and the dictionary files each step reads (HanLP's own
 * debug log), so that a file read by both would show.
 * Usage: java -cp hanlp-portable.jar bench/SegmenterLoad.java segmenter|conversion ...
 */
public class SegmenterLoad {

    private static final List<String> LOADED = new ArrayList<>();

    public static void main(String[] args) {
        boolean configured = HanLP.Config.DEBUG; // HanLP sets its logger's level as it starts: start it first
        Logger hanlp = Logger.getLogger("HanLP");
        hanlp.setUseParentHandlers(false);
        hanlp.addHandler(new Handler() {
            @Override
            public void publish(LogRecord r) {
                String m = r.getMessage();
                if (m != null && m.contains("data/")) {
                    LOADED.add(m.replaceAll("\\s+", " "));
                }
            }

            @Override
            public void flush() { }

            @Override
            public void close() { }
        });
        hanlp.setLevel(Level.ALL);
        double base = heapMb();
        System.out.printf("heap after start       %7.1f MB%n", base);
        for (String step : args) {
            LOADED.clear();
            long start = System.nanoTime();
            String out = switch (step) {
                case "segmenter" -> HanLP.segment("执法人员只来了一个人就要罚款").toString();
                case "conversion" -> HanLP.s2t("执法人员出示执法证件") + " " + HanLP.t2s("執法人員出示執法證件");
                default -> throw new IllegalArgumentException(step);
            };
            double seconds = (System.nanoTime() - start) / 1e9;
            long again = System.nanoTime();
            if ("segmenter".equals(step)) {
                HanLP.segment("执法人员来检查不出示证件");
            } else {
                HanLP.s2t("当事人有权进行陈述和申辩");
            }
            double secondMs = (System.nanoTime() - again) / 1e6;
            double heap = heapMb();
            System.out.printf("%-10s first use %6.2f s, heap +%6.1f MB (%7.1f MB after a full GC), next call %.1f ms: %s%n",
                    step, seconds, heap - base, heap, secondMs, out);
            LOADED.stream().map(l -> "    reads " + l.substring(0, Math.min(l.length(), 140))).distinct()
                    .forEach(System.out::println);
            base = heap;
        }
    }

    /** Used heap after full collections, in MB. */
    private static double heapMb() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / 1048576.0;
    }
}
