package cn.gov.enforcement.portal.agency;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.enforcement.portal.PortalApplication;
import cn.gov.enforcement.portal.platform.Translations;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

class AgencyModuleStructureTest {

    @Test
    void the_agency_and_knowledge_modules_respect_module_boundaries() {
        ApplicationModules modules = ApplicationModules.of(PortalApplication.class);
        assertThat(modules.getModuleByName("agency")).isPresent();
        assertThat(modules.getModuleByName("knowledge")).isPresent();
        modules.verify();
    }

    @Test
    void agency_and_knowledge_bundles_have_the_same_keys_in_every_language() {
        Map<String, Map<Locale, Properties>> bundles = Translations.readBundles();
        for (String family : new String[] {"agency", "knowledge"}) {
            Map<Locale, Properties> perLocale = bundles.get(family);
            assertThat(perLocale).as(family).containsOnlyKeys(Translations.ZH_CN, Translations.ZH_TW, Translations.EN);
            var keys = perLocale.get(Translations.ZH_CN).keySet();
            assertThat(perLocale.get(Translations.ZH_TW).keySet()).as(family + " zh-TW").isEqualTo(keys);
            assertThat(perLocale.get(Translations.EN).keySet()).as(family + " en").isEqualTo(keys);
        }
    }

    @Test
    void every_category_power_kind_and_status_has_a_label() {
        Translations translations = new Translations();
        for (AgencyCategory c : AgencyCategory.values()) {
            assertThat(translations.has(c.labelKey())).as(c.labelKey()).isTrue();
        }
        for (PowerKind k : PowerKind.values()) {
            assertThat(translations.has(k.labelKey())).as(k.labelKey()).isTrue();
        }
        for (OfficerStatus s : OfficerStatus.values()) {
            assertThat(translations.has(s.labelKey())).as(s.labelKey()).isTrue();
        }
    }
}
