package org.electionprep.readiness;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The readiness dashboard's address: a static page (static/dashboard) that reads /api/readiness. */
@Controller
public class DashboardPage {

    @GetMapping("/dashboard")
    public String dashboard() {
        return "redirect:/dashboard/";
    }

    @GetMapping("/dashboard/")
    public String page() {
        return "forward:/dashboard/index.html";
    }
}
