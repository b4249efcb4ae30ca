package cn.gov.enforcement.portal.agency;

import cn.gov.enforcement.portal.knowledge.ContentProblem;
import cn.gov.enforcement.portal.knowledge.KnowledgeFile;
import cn.gov.enforcement.portal.knowledge.YamlNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads and validates one {@code knowledge-base/agencies/*.yaml} file. Every problem carries file,
 * line and field; a file with any problem yields no record.
 */
final class AgencyFileParser {

    static final List<String> FIELDS = List.of("id", "sample", "name", "name_en", "category", "region",
            "legal_representative", "powers", "legal_basis", "address", "address_en", "supervision_phone",
            "supervision_email", "mediation_email", "office_hours", "office_hours_en", "officers");
    private static final Set<String> POWER_FIELDS = Set.of("name", "kind");
    private static final Set<String> OFFICER_FIELDS = Set.of("name", "certificate", "status");
    /** A legal basis names a law in 《》 and usually an article (第…条). */
    private static final Pattern LEGAL_BASIS = Pattern.compile("^《[^》]+》.*$");

    /** The outcome for one file: the record when valid, and every problem found. */
    record Result(KnowledgeFile file, Optional<AgencyRecord> record, List<ContentProblem> problems) {}

    private AgencyFileParser() {}

    static Result parse(KnowledgeFile file) {
        List<ContentProblem> problems = new ArrayList<>();
        Optional<YamlNode> parsed = YamlNode.parse(file, problems);
        if (parsed.isEmpty()) {
            return new Result(file, Optional.empty(), problems);
        }
        YamlNode root = parsed.get();
        root.allowOnly(FIELDS);
        String id = root.slug("id");
        if (id != null && !file.fileName().equals(id + ".yaml") && !file.fileName().equals(id + ".yml")) {
            root.problem("id", "agency.problem.idNotFileName", stripExtension(file.fileName()));
        }
        Boolean sample = root.requiredBoolean("sample");
        String name = root.requiredText("name", 200);
        String nameEn = root.optionalText("name_en", 300); // optional: English pages fall back to the Chinese name
        AgencyCategory category = root.enumValue("category", AgencyCategory.class);
        String region = root.requiredText("region", 100);
        String representative = root.requiredText("legal_representative", 100);

        List<Power> powers = new ArrayList<>();
        for (YamlNode power : root.list("powers", 1, 200)) {
            power.allowOnly(POWER_FIELDS);
            String powerName = power.requiredText("name", 500);
            PowerKind kind = power.enumValue("kind", PowerKind.class);
            if (powerName != null && kind != null) {
                powers.add(new Power(powerName, kind));
            }
        }

        List<String> legalBasis = root.textList("legal_basis", 1, 100, 500);
        for (int i = 0; i < legalBasis.size(); i++) {
            if (!LEGAL_BASIS.matcher(legalBasis.get(i)).matches()) {
                root.problem("legal_basis", "agency.problem.legalBasis", i);
            }
        }

        String address = root.requiredText("address", 500);
        String addressEn = root.optionalText("address_en", 1000); // optional: English pages fall back to the Chinese
        String phone = root.phone("supervision_phone");
        String email = root.email("supervision_email");
        String mediationEmail = root.optionalEmail("mediation_email");
        String officeHours = root.requiredText("office_hours", 500);
        String officeHoursEn = root.optionalText("office_hours_en", 1000); // optional, as address_en

        List<AgencyRecord.OfficerRecord> officers = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        List<YamlNode> officerNodes = root.list("officers", 1, 500);
        for (int i = 0; i < officerNodes.size(); i++) {
            YamlNode officer = officerNodes.get(i);
            officer.allowOnly(OFFICER_FIELDS);
            String officerName = officer.requiredText("name", 100);
            String certificate = certificate(officer);
            OfficerStatus status = officer.enumValue("status", OfficerStatus.class);
            if (certificate != null) {
                Integer previous = seen.putIfAbsent(certificate, i);
                if (previous != null) {
                    officer.problem("certificate", "agency.problem.certificateTwice", previous);
                    certificate = null;
                }
            }
            if (officerName != null && certificate != null && status != null) {
                officers.add(new AgencyRecord.OfficerRecord(officerName, certificate, status));
            }
        }

        if (!problems.isEmpty()) {
            return new Result(file, Optional.empty(), problems);
        }
        return new Result(file, Optional.of(new AgencyRecord(id, sample, name, nameEn, category, region, representative,
                List.copyOf(powers), List.copyOf(legalBasis), address, addressEn, phone, email, mediationEmail, officeHours,
                officeHoursEn, List.copyOf(officers),
                file.label(), file.sha256())), problems);
    }

    /**
     * An officer's certificate number in its stored form ({@link Certificates#normalize}: the file may write it in any
     * case, with spaces, or a Traditional province abbreviation); a problem saying what is allowed when it is not a
     * plausible number.
     */
    private static String certificate(YamlNode officer) {
        String written = officer.requiredText("certificate", 200);
        if (written == null) {
            return null;
        }
        String number = Certificates.normalize(written);
        if (!Certificates.isWellFormed(number)) {
            officer.problem("certificate", "agency.problem.certificateFormat", written, Certificates.MIN_LENGTH,
                    Certificates.MAX_LENGTH);
            return null;
        }
        return number;
    }

    /** Line of an officer's certificate (as stored, however the file writes it), for cross-file problems. */
    static int certificateLine(KnowledgeFile file, String certificate) {
        String[] lines = file.content().split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            int key = lines[i].indexOf("certificate:");
            if (key >= 0) {
                String value = lines[i].substring(key + "certificate:".length()).replaceAll("[,}].*$", "").strip()
                        .replaceAll("^[\"']|[\"']$", "");
                if (Certificates.normalize(value).equals(certificate)) {
                    return i + 1;
                }
            }
        }
        return 0;
    }

    static int idLine(KnowledgeFile file) {
        String[] lines = file.content().split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].startsWith("id:")) {
                return i + 1;
            }
        }
        return 0;
    }

    private static String stripExtension(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return dot < 0 ? fileName : fileName.substring(0, dot);
    }

    /**
     * Parses every file of the folder and applies the checks across files: an id or certificate
     * number used by an earlier file is a problem of the later file, which is then skipped.
     */
    static List<Result> parseAll(List<KnowledgeFile> files) {
        List<Result> results = new ArrayList<>();
        Map<String, String> ids = new HashMap<>();
        Map<String, String> certificates = new HashMap<>();
        for (KnowledgeFile file : files) {
            Result result = parse(file);
            if (result.record().isPresent()) {
                AgencyRecord record = result.record().get();
                List<ContentProblem> problems = new ArrayList<>();
                if (ids.containsKey(record.id())) {
                    problems.add(new ContentProblem(file.label(), idLine(file), "id", "agency.problem.idTaken",
                            ids.get(record.id())));
                }
                for (int i = 0; i < record.officers().size(); i++) {
                    String certificate = record.officers().get(i).certificate();
                    if (certificates.containsKey(certificate)) {
                        problems.add(new ContentProblem(file.label(), certificateLine(file, certificate),
                                "officers[" + i + "].certificate", "agency.problem.certificateTaken",
                                certificates.get(certificate)));
                    }
                }
                if (!problems.isEmpty()) {
                    result = new Result(file, Optional.empty(), problems);
                } else {
                    ids.put(record.id(), file.label());
                    record.officers().forEach(o -> certificates.put(o.certificate(), file.label()));
                }
            }
            results.add(result);
        }
        return results;
    }
}
