package org.electionprep.division;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Tenant;
import org.electionprep.engine.OneCommand;
import org.electionprep.identity.AccessSeeder;
import org.electionprep.identity.AfterAccessSeeding;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * A province, county or district of the registry made usable: its tenant (a district: its county's), groups, grants
 * and filters (access.yml's policy) and, for a county, its county-level models in its tenant. Done at once for a place
 * an import adds or changes, and again for every place at start-up, so that a changed policy or model reaches every
 * place and a set-up that failed is done. Each place is set up as one engine command ({@link OneCommand}): a new
 * county's sixty-odd writes go to the database together.
 */
@Component
public class PlaceSetup implements AfterAccessSeeding {

    private static final Logger log = LoggerFactory.getLogger(PlaceSetup.class);

    private final Provinces provinces;
    private final CountyRegistry counties;
    private final Districts districts;
    private final AccessSeeder access;
    private final CountyProcessDeployment deployment;
    private final IdentityService identity;
    private final OneCommand oneCommand;

    public PlaceSetup(Provinces provinces, CountyRegistry counties, Districts districts, AccessSeeder access,
                      CountyProcessDeployment deployment, IdentityService identity, OneCommand oneCommand) {
        this.provinces = provinces;
        this.counties = counties;
        this.districts = districts;
        this.access = access;
        this.deployment = deployment;
        this.identity = identity;
        this.oneCommand = oneCommand;
    }

    public void setUpProvince(String code, String name) {
        oneCommand.run(() -> access.seedProvince(code, name));
    }

    public void setUpCounty(String code, String name, String province) {
        oneCommand.run(() -> {
            access.seedCounty(code, name, province);
            deployment.deployFor(code);
        });
    }

    public void setUpDistrict(String code, String name, String county) {
        oneCommand.run(() -> access.seedDistrict(code, name, county));
    }

    /** A renamed place's tenant and groups carry its new name. */
    public void rename(String level, String code, String name) {
        oneCommand.run(() -> {
            switch (level) {
                case DivisionImport.PROVINCE -> access.renameProvince(code, name);
                case DivisionImport.COUNTY -> access.renameCounty(code, name);
                default -> access.renameDistrict(code, name);
            }
        });
    }

    /** A district (without stations) moved to another county: its head's group follows it to the county's tenant. */
    public void moveDistrict(String code, String from, String to) {
        oneCommand.run(() -> access.moveDistrict(code, from, to));
    }

    @Override
    public void afterAccessSeeding() {
        // A database seeded when access.yml listed the places has counties whose province has no row: it gets one,
        // named as its tenant was.
        for (String code : provinces.namedByCountiesOnly()) {
            Tenant tenant = identity.createTenantQuery().tenantId(code).singleResult();
            provinces.add(new Provinces.Province(code, tenant != null && tenant.getName() != null ? tenant.getName()
                    : code));
        }
        Map<String, Provinces.Province> all = provinces.all();
        all.values().forEach(p -> setUpProvince(p.code(), p.name()));
        access.migrateProvinceWideGroups(all.keySet());
        List<CountyRegistry.County> allCounties = counties.all();
        allCounties.forEach(county -> setUpCounty(county.code(), county.name(), county.province()));
        Map<String, Districts.District> allDistricts = districts.all();
        allDistricts.values().forEach(d -> setUpDistrict(d.code(), d.name(), d.countyCode()));
        log.info("Places set up: {} provinces, {} counties, {} districts", all.size(), allCounties.size(),
                allDistricts.size());
    }
}
