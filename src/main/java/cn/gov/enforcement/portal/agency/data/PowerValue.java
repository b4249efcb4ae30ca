package cn.gov.enforcement.portal.agency.data;

import cn.gov.enforcement.portal.agency.PowerKind;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

@Embeddable
public class PowerValue {

    @Column(name = "name", nullable = false, length = 1000)
    private String name;

    @Enumerated(EnumType.STRING)
    @Column(name = "kind", nullable = false, length = 20)
    private PowerKind kind;

    protected PowerValue() {}

    public PowerValue(String name, PowerKind kind) {
        this.name = name;
        this.kind = kind;
    }

    public String getName() {
        return name;
    }

    public PowerKind getKind() {
        return kind;
    }
}
