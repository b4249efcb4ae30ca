package cn.gov.enforcement.portal.discovery;

import cn.gov.enforcement.portal.agency.AgencyDirectory;
import cn.gov.enforcement.portal.agency.AgencySummary;
import cn.gov.enforcement.portal.lists.DiscretionBenchmark;
import cn.gov.enforcement.portal.lists.ExemptionItem;
import cn.gov.enforcement.portal.lists.ListsCatalog;
import cn.gov.enforcement.portal.lists.RiskPoint;
import cn.gov.enforcement.portal.platform.PortalSettings;
import cn.gov.enforcement.portal.regulation.RegulationCatalog;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /robots.txt} and the sitemap (sitemaps.org protocol 0.9). {@code /sitemap.xml} is an index of
 * {@code /sitemap/portal.xml} (the public pages, agencies and list entries) and {@code /sitemap/regulations-N.xml}
 * (the documents in force, {@value #URLS_PER_FILE} per file, below the protocol's 50,000). Addresses are absolute,
 * from {@code portal.public-url}. Sample agencies and list entries are left out: they are labelled as samples on
 * screen and are no content for a search engine.
 */
@RestController
class SitemapController {

    /** Documents per regulation sitemap file. */
    static final int URLS_PER_FILE = 40_000;

    /** The public pages that exist whatever the content (the home page first). */
    static final List<String> PAGES = List.of("", "risks", "exemptions", "discretion", "agencies", "certificate-check",
            "regulations", "assistant", "self-check", "mediation", "mediation/apply", "rating", "guidance", "privacy");

    private static final MediaType XML = new MediaType("application", "xml", StandardCharsets.UTF_8);
    private static final MediaType TEXT = new MediaType("text", "plain", StandardCharsets.UTF_8);

    private final PortalSettings settings;
    private final AgencyDirectory agencies;
    private final ListsCatalog lists;
    private final RegulationCatalog regulations;

    SitemapController(PortalSettings settings, AgencyDirectory agencies, ListsCatalog lists,
            RegulationCatalog regulations) {
        this.settings = settings;
        this.agencies = agencies;
        this.lists = lists;
        this.regulations = regulations;
    }

    @GetMapping("/robots.txt")
    ResponseEntity<String> robots() {
        String body = """
                # 服务型行政执法公共服务平台
                User-agent: *
                Disallow: /staff
                Disallow: /admin
                Disallow: /account
                Disallow: /login
                Disallow: /mediation/track
                Disallow: /api/
                Disallow: /actuator/

                Sitemap: %s
                """.formatted(settings.link("sitemap.xml"));
        return ResponseEntity.ok().contentType(TEXT).body(body);
    }

    @GetMapping("/sitemap.xml")
    ResponseEntity<String> index() {
        int files = (int) Math.max(1, (regulations.currentDocumentCount() + URLS_PER_FILE - 1) / URLS_PER_FILE);
        StringBuilder xml = new StringBuilder(
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
        sitemap(xml, "sitemap/portal.xml");
        for (int i = 1; i <= files; i++) {
            sitemap(xml, "sitemap/regulations-" + i + ".xml");
        }
        return ResponseEntity.ok().contentType(XML).body(xml.append("</sitemapindex>\n").toString());
    }

    @GetMapping("/sitemap/portal.xml")
    ResponseEntity<String> portal() {
        StringBuilder xml = urlset();
        PAGES.forEach(page -> url(xml, page, null));
        for (AgencySummary agency : agencies.all()) {
            if (!agency.sample()) {
                url(xml, "agencies/" + segment(agency.id()), null);
            }
        }
        for (RiskPoint entry : lists.publicRiskPoints()) {
            if (!entry.sample()) {
                url(xml, "risks/" + segment(entry.id()), null);
            }
        }
        for (ExemptionItem entry : lists.publicExemptions()) {
            if (!entry.sample()) {
                url(xml, "exemptions/" + segment(entry.id()), null);
            }
        }
        lists.discretion(null).stream().filter(b -> !b.sample()).map(DiscretionBenchmark::agency).distinct().sorted()
                .forEach(agency -> url(xml, "discretion/" + segment(agency), null));
        return ResponseEntity.ok().contentType(XML).body(xml.append("</urlset>\n").toString());
    }

    @GetMapping("/sitemap/regulations-{part}.xml")
    ResponseEntity<String> regulations(@PathVariable String part) {
        int number;
        try {
            number = Integer.parseInt(part);
        } catch (NumberFormatException e) {
            return ResponseEntity.notFound().build();
        }
        if (number < 1) {
            return ResponseEntity.notFound().build();
        }
        long from = (long) (number - 1) * URLS_PER_FILE;
        List<RegulationCatalog.ListedDocument> documents = regulations.currentDocuments(from, URLS_PER_FILE);
        // the first file exists even while nothing is imported, as the index names it
        if (documents.isEmpty() && number != 1) {
            return ResponseEntity.notFound().build();
        }
        StringBuilder xml = urlset();
        for (RegulationCatalog.ListedDocument d : documents) {
            url(xml, d.url().substring(1), d.imported());
        }
        return ResponseEntity.ok().contentType(XML).body(xml.append("</urlset>\n").toString());
    }

    private static StringBuilder urlset() {
        return new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\""
                + " xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">\n");
    }

    private void sitemap(StringBuilder xml, String path) {
        xml.append("  <sitemap><loc>").append(escape(settings.link(path))).append("</loc></sitemap>\n");
    }

    /**
     * One page with its language versions: Simplified Chinese at the plain address (also the default), Traditional
     * Chinese and English with {@code ?lang=}, which every page honours.
     */
    private void url(StringBuilder xml, String path, LocalDate lastModified) {
        String loc = escape(settings.link(path));
        xml.append("  <url><loc>").append(loc).append("</loc>");
        if (lastModified != null) {
            xml.append("<lastmod>").append(lastModified).append("</lastmod>");
        }
        alternate(xml, "zh-CN", loc);
        alternate(xml, "zh-TW", loc + "?lang=zh-TW");
        alternate(xml, "en", loc + "?lang=en");
        alternate(xml, "x-default", loc);
        xml.append("</url>\n");
    }

    private static void alternate(StringBuilder xml, String language, String href) {
        xml.append("<xhtml:link rel=\"alternate\" hreflang=\"").append(language).append("\" href=\"").append(href)
                .append("\"/>");
    }

    /** One path segment, percent-encoded (ids are slugs, but the address must be valid whatever they hold). */
    private static String segment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("'", "&apos;");
    }
}
