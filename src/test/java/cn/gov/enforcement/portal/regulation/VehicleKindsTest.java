package cn.gov.enforcement.portal.regulation;

import static cn.gov.enforcement.portal.regulation.VehicleKinds.Kind.MOTOR;
import static cn.gov.enforcement.portal.regulation.VehicleKinds.Kind.NON_MOTOR;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

class VehicleKindsTest {

    @Test
    void a_motor_vehicle_and_a_non_motor_vehicle_are_told_apart() {
        for (String motor : new String[] {"我开车闯红灯了会罚多少钱", "货车超载了", "小车乱停", "轿车", "机动车驾驶人违反道路通行规定",
                "没带驾驶证", "骑摩托车", "电动摩托车", "驾车时手持电话", "我的汽車"}) {
            assertThat(VehicleKinds.named(motor)).as(motor).containsExactly(MOTOR);
        }
        for (String nonMotor : new String[] {"骑电动车闯红灯罚多少钱", "电动自行车超速、逆行和闯红灯", "骑自行车逆行",
                "非机动车驾驶人违反道路通行规定", "三轮车被扣了", "骑车带人", "電動車", "共享单车"}) {
            assertThat(VehicleKinds.named(nonMotor)).as(nonMotor).containsExactly(NON_MOTOR);
        }
        assertThat(VehicleKinds.named("闯红灯罚多少钱")).isEmpty();
        assertThat(VehicleKinds.named("车子年检过期")).isEmpty();
        assertThat(VehicleKinds.named("骑电动车被汽车撞了")).containsExactlyInAnyOrder(MOTOR, NON_MOTOR);
    }

    @Test
    void a_lane_names_no_vehicle() {
        // an e-bike rider in the motor lane breaks the non-motor rules
        assertThat(VehicleKinds.named("外卖骑手逆行、闯灯或在机动车道行驶")).isEmpty();
        assertThat(VehicleKinds.named("电动自行车驾驶人首次未在非机动车道内行驶")).containsExactly(NON_MOTOR);
        assertThat(VehicleKinds.named("机动车在非机动车道停放")).containsExactly(MOTOR);
    }

    @Test
    void a_question_reads_the_legal_terms_of_its_everyday_words_too() {
        // 酒驾 → 饮酒后驾驶机动车 (search/lay-terms.txt)
        assertThat(VehicleKinds.ofQuestion("酒驾怎么罚")).containsExactly(MOTOR);
        assertThat(VehicleKinds.ofQuestion("电瓶车没上牌")).containsExactly(NON_MOTOR);
        assertThat(VehicleKinds.ofQuestion("闯红灯罚多少钱")).isEmpty();
    }

    @Test
    void a_text_of_the_other_kind_only_is_told_from_one_that_fits_or_names_none() {
        Set<VehicleKinds.Kind> car = Set.of(MOTOR);
        assertThat(VehicleKinds.otherKindOnly(car, "电动自行车超速、逆行和闯红灯")).isTrue();
        assertThat(VehicleKinds.otherKindOnly(car, "机动车驾驶人违反道路交通安全法律、法规关于道路通行规定的")).isFalse();
        assertThat(VehicleKinds.otherKindOnly(car, "交通信号灯由红灯、绿灯、黄灯组成")).isFalse();
        assertThat(VehicleKinds.otherKindOnly(car, "机动车信号灯和非机动车信号灯表示")).isFalse();
        assertThat(VehicleKinds.otherKindOnly(Set.of(NON_MOTOR), "机动车驾驶人违反道路通行规定")).isTrue();
        // a question naming no vehicle keeps everything
        assertThat(VehicleKinds.otherKindOnly(Set.of(), "电动自行车超速、逆行和闯红灯")).isFalse();
        assertThat(VehicleKinds.otherKindOnly(Set.of(MOTOR, NON_MOTOR), "电动自行车超速")).isFalse();
    }
}
