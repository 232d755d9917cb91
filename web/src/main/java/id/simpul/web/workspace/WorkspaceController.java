package id.simpul.web.workspace;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The workspace's first page: the work of the signed-in person's roles, one card each. */
@Controller
class WorkspaceController {

    @GetMapping("/workspace")
    String home() {
        return "workspace";
    }
}
