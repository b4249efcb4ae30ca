package cn.gov.enforcement.portal.agency.data;

import cn.gov.enforcement.portal.agency.OfficerStatus;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

@Embeddable
public class OfficerValue {

    @Column(name = "name", nullable = false, length = 200)
    private String name;

    @Column(name = "certificate", nullable = false, length = 40)
    private String certificate;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", nullable = false, length = 10)
    private OfficerStatus status;

    protected OfficerValue() {}

    public OfficerValue(String name, String certificate, OfficerStatus status) {
        this.name = name;
        this.certificate = certificate;
        this.status = status;
    }

    public String getName() {
        return name;
    }

    public String getCertificate() {
        return certificate;
    }

    public OfficerStatus getStatus() {
        return status;
    }
}
