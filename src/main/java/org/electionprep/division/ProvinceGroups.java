package org.electionprep.division;

import org.springframework.stereotype.Component;

/**
 * The group of a province role that answers for a place: for a county, its province's (province-it-khuzestan for
 * ahvaz); for a province, its own. Read by the models as
 * {@code ${provinceGroups.of('province-it', execution.tenantId)}}.
 */
@Component("provinceGroups")
public class ProvinceGroups {

    private final CountyRegistry counties;

    public ProvinceGroups(CountyRegistry counties) {
        this.counties = counties;
    }

    public String of(String role, String place) {
        return role + "-" + counties.provinceOf(place).orElse(place);
    }
}
