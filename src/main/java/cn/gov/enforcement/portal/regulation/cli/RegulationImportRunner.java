package cn.gov.enforcement.portal.regulation.cli;

import cn.gov.enforcement.portal.platform.Translations;
import cn.gov.enforcement.portal.regulation.ImportService;
import cn.gov.enforcement.portal.regulation.ImportSummary;
import cn.gov.enforcement.portal.regulation.RegulationSettings;
import cn.gov.enforcement.portal.regulation.importer.ImportProblem;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.IntConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.stereotype.Component;

/**
 * {@code java -jar portal.jar --import=<folder>}: imports the folder, prints progress, problems and a
 * summary line, and ends the process with status 0 (every file imported or unchanged), 1 (some file failed)
 * or 2 (no such folder); {@code PortalApplication} ends it with 3 when another portal holds the data folder (the
 * refusal comes while the context starts, before this runner). Without {@code --import}, imports {@code portal.regulation.import-on-start} when set
 * and lets the portal run (a large index rebuild it calls for runs in the background).
 */
@Component
class RegulationImportRunner implements ApplicationRunner {

    static final String OPTION = ImportModeEnvironmentPostProcessor.OPTION;

    private static final Logger log = LoggerFactory.getLogger(RegulationImportRunner.class);

    private final ImportService importService;
    private final RegulationSettings settings;
    private final Translations translations;
    private final ConfigurableApplicationContext context;
    IntConsumer exit = System::exit;
    PrintStream out = System.out;

    RegulationImportRunner(ImportService importService, RegulationSettings settings, Translations translations,
            ConfigurableApplicationContext context) {
        this.importService = importService;
        this.settings = settings;
        this.translations = translations;
        this.context = context;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (args.containsOption(OPTION)) {
            List<String> values = args.getOptionValues(OPTION);
            String folder = values == null || values.isEmpty() ? "" : values.get(values.size() - 1).strip();
            int code = runImport(folder);
            exit.accept(SpringApplication.exit(context, () -> code));
        } else if (!settings.importOnStart().isEmpty()) {
            Path folder = Path.of(settings.importOnStart());
            if (!Files.exists(folder)) {
                log.warn("portal.regulation.import-on-start names {}, which does not exist; nothing imported", folder);
                return;
            }
            ImportSummary summary = importService.importAtStart(folder, log::info);
            summary.errors().forEach(p -> log.warn("{}", describe(p)));
        }
    }

    /** Runs the import and returns the exit status. */
    int runImport(String folder) {
        if (folder.isEmpty() || !Files.exists(Path.of(folder))) {
            out.println("No such folder: '" + folder + "'. Usage: java -jar portal.jar --import=<folder>");
            return 2;
        }
        ImportSummary summary = importService.importFolder(Path.of(folder), out::println);
        for (ImportProblem p : summary.problems()) {
            out.println(describe(p));
        }
        out.println(summary.line());
        return summary.hasFailures() ? 1 : 0;
    }

    private String describe(ImportProblem p) {
        Locale locale = Translations.supported(Locale.getDefault());
        return p.severity() + " " + p.file() + (p.line() > 0 ? ":" + p.line() : "") + " "
                + translations.get(locale, p.messageKey(), p.args().toArray());
    }
}
