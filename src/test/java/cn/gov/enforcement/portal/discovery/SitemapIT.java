package cn.gov.enforcement.portal.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.enforcement.portal.IntegrationTest;
import cn.gov.enforcement.portal.account.AccountService;
import cn.gov.enforcement.portal.account.Role;
import cn.gov.enforcement.portal.lists.EntryStatus;
import cn.gov.enforcement.portal.lists.ListEntryForms.RiskPointInput;
import cn.gov.enforcement.portal.lists.ExemptionItem;
import cn.gov.enforcement.portal.lists.ListsBackOffice;
import cn.gov.enforcement.portal.lists.ListsCatalog;
import cn.gov.enforcement.portal.lists.RiskPoint;
import cn.gov.enforcement.portal.platform.PortalSettings;
import cn.gov.enforcement.portal.platform.ValidationFailure;
import cn.gov.enforcement.portal.regulation.RegulationCatalog;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextImpl;
import cn.gov.enforcement.portal.account.PortalUserDetailsService;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

/** robots.txt and the sitemap, fetched over HTTP without an account, as a crawler does. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SitemapIT extends IntegrationTest {

    private static final String UM = "sample-urban-management";

    @Autowired TestRestTemplate http;
    @Autowired PortalSettings settings;
    @Autowired RegulationCatalog regulations;
    @Autowired ListsBackOffice backOffice;
    /** Spied only to take one sample agency for a real one: every shipped agency is sample content. */
    @org.springframework.test.context.bean.override.mockito.MockitoSpyBean ListsCatalog lists;
    @Autowired AccountService accounts;
    @Autowired PortalUserDetailsService users;
    @Autowired org.springframework.jdbc.core.JdbcTemplate jdbc;

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void robots_txt_keeps_crawlers_off_the_staff_pages_and_names_the_sitemap() {
        ResponseEntity<String> robots = http.getForEntity("/robots.txt", String.class);
        assertThat(robots.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(robots.getHeaders().getContentType().isCompatibleWith(MediaType.TEXT_PLAIN)).isTrue();
        assertThat(robots.getBody()).contains("User-agent: *", "Disallow: /staff", "Disallow: /admin",
                "Disallow: /mediation/track", "Disallow: /api/", "Sitemap: " + settings.link("sitemap.xml"))
                .doesNotContain("Disallow: /regulations", "Disallow: /VAADIN");
    }

    @Test
    void the_sitemap_lists_the_public_pages_published_entries_and_documents_in_force_but_no_sample() throws Exception {
        // a real (non-sample) risk point, published by a second editor; the back office makes every entry of a sample
        // agency sample content, so the urban management agency is taken for a real one here
        org.mockito.Mockito.doReturn(false).when(lists).sampleAgency(UM);
        String id = "um-rp-sitemap";
        signInEditor("sitemap-editor-1");
        backOffice.saveRiskPoint(null, 0, null, new RiskPointInput(id, UM, "户外广告与店招", "沿街商户", "店招设置前未办理手续",
                "未办理手续擅自设置大型店招。", "中", "影响市容，存在坠落隐患。", "城市市容和环境卫生管理条例 第十一条",
                "城市市容和环境卫生管理条例 第三十六条", "责令限期改正，可以罚款。", "设置前咨询城管部门", Set.of("提示"),
                LocalDate.of(2026, 1, 1), null, false));
        backOffice.submit(id, 1, EntryStatus.DRAFT);
        signInEditor("sitemap-editor-2");
        backOffice.publish(id, 1, EntryStatus.IN_REVIEW);
        SecurityContextHolder.clearContext();
        try {
            Document index = xml("/sitemap.xml");
            assertThat(locs(index)).containsExactly(settings.link("sitemap/portal.xml"),
                    settings.link("sitemap/regulations-1.xml"));

            Document portalXml = xml("/sitemap/portal.xml");
            List<String> portal = locs(portalXml);
            // each page with its language versions
            NodeList links = portalXml.getElementsByTagNameNS("http://www.w3.org/1999/xhtml", "link");
            assertThat(links.getLength()).isEqualTo(4 * portal.size());
            List<String> alternates = new ArrayList<>();
            for (int i = 0; i < links.getLength(); i++) {
                var link = (org.w3c.dom.Element) links.item(i);
                alternates.add(link.getAttribute("hreflang") + " " + link.getAttribute("href"));
            }
            assertThat(alternates).contains("zh-CN " + settings.link("risks/" + id),
                    "zh-TW " + settings.link("risks/" + id) + "?lang=zh-TW", "en " + settings.link("risks/" + id) + "?lang=en",
                    "x-default " + settings.link("risks/" + id));
            assertThat(portal).startsWith(settings.link("")).contains(settings.link("regulations"),
                    settings.link("exemptions"), settings.link("self-check"), settings.link("mediation/apply"), settings.link("risks/" + id));
            List<String> samples = new ArrayList<>();
            lists.publicRiskPoints().stream().filter(RiskPoint::sample).forEach(r -> samples.add(settings.link("risks/" + r.id())));
            lists.publicExemptions().stream().filter(ExemptionItem::sample)
                    .forEach(e -> samples.add(settings.link("exemptions/" + e.id())));
            samples.add(settings.link("agencies/" + UM));
            samples.add(settings.link("discretion/" + UM));
            assertThat(samples).hasSizeGreaterThan(10);
            assertThat(portal).as("sample agencies and entries are not offered").doesNotContainAnyElementsOf(samples)
                    .doesNotHaveDuplicates();

            Document documents = xml("/sitemap/regulations-1.xml");
            List<String> listed = locs(documents);
            long current = regulations.currentDocumentCount();
            assertThat(current).isEqualTo(jdbc.queryForObject(
                    "select count(*) from regulation_document where status = 'CURRENT'", Long.class));
            assertThat(listed).as("every document in force, nothing else").hasSize((int) current)
                    .containsAll(regulations.guides().stream().map(g -> settings.link(g.url().substring(1))).toList())
                    .containsExactlyElementsOf(regulations.currentDocuments(0, (int) current).stream()
                            .map(d -> settings.link(d.url().substring(1))).toList());
            assertThat(documents.getElementsByTagName("lastmod").getLength()).isEqualTo(current);
            assertThat(regulations.currentDocuments(1, 1)).as("a slice starts at its offset")
                    .containsExactly(regulations.currentDocuments(0, 2).get(1));
            assertThat(http.getForEntity("/sitemap/regulations-2.xml", String.class).getStatusCode())
                    .isEqualTo(HttpStatus.NOT_FOUND);
            assertThat(http.getForEntity("/sitemap/regulations-x.xml", String.class).getStatusCode())
                    .isEqualTo(HttpStatus.NOT_FOUND);
        } finally {
            signInEditor("sitemap-editor-1");
            var entry = backOffice.entry(id);
            backOffice.withdraw(id, entry.version(), entry.status());
        }
        assertThat(locs(xml("/sitemap/portal.xml"))).as("a withdrawn entry leaves the sitemap")
                .doesNotContain(settings.link("risks/" + id));
    }

    private Document xml(String path) throws Exception {
        ResponseEntity<byte[]> response = http.getForEntity(path, byte[].class);
        assertThat(response.getStatusCode()).as(path).isEqualTo(HttpStatus.OK);
        assertThat(response.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_XML)).isTrue();
        var factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        Document document = factory.newDocumentBuilder().parse(new ByteArrayInputStream(response.getBody()));
        assertThat(document.getDocumentElement().getNamespaceURI()).isEqualTo("http://www.sitemaps.org/schemas/sitemap/0.9");
        return document;
    }

    private static List<String> locs(Document document) {
        NodeList nodes = document.getElementsByTagName("loc");
        List<String> locs = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            locs.add(nodes.item(i).getTextContent());
        }
        return locs;
    }

    private void signInEditor(String username) {
        SecurityContextHolder.setContext(new SecurityContextImpl(new UsernamePasswordAuthenticationToken("test-admin",
                null, List.of(new SimpleGrantedAuthority("ROLE_ADMIN")))));
        try {
            accounts.create(new AccountService.NewUser(username, "地图编辑", Role.EDITOR, UM));
        } catch (ValidationFailure alreadyThere) {
            // created by an earlier run against the same database
        }
        var user = users.loadUserByUsername(username);
        SecurityContextHolder.setContext(new SecurityContextImpl(
                UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities())));
    }
}
