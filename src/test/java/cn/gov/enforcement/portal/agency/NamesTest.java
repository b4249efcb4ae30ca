package cn.gov.enforcement.portal.agency;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NamesTest {

    @Test
    void names_keep_only_their_first_and_last_character() {
        assertThat(Names.mask("张晓丰")).isEqualTo("张*丰");
        assertThat(Names.mask("李敏")).isEqualTo("李*");
        assertThat(Names.mask("欧阳明轩")).isEqualTo("欧**轩");
        assertThat(Names.mask("王")).isEqualTo("*");
        assertThat(Names.mask(" 𠀀𠀁𠀂 ")).isEqualTo("𠀀*𠀂");
        assertThat(Names.mask(null)).isEmpty();
    }
}
