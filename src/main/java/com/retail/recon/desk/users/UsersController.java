package com.retail.recon.desk.users;

import com.retail.recon.users.Role;
import com.retail.recon.users.Users;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.time.Instant;
import java.util.Arrays;

/**
 * Users (ADMIN only): the list, a user added, disabled, enabled, given a new password. Each change is a POST
 * with the CSRF token and redirects back (post/redirect/get); a name travels in the form body, never in the
 * path, so any name the rules allow works. Passwords are read into the store's hash and never shown or logged.
 */
@Controller
class UsersController {

    private static final Logger log = LoggerFactory.getLogger(UsersController.class);

    private final Users users;

    UsersController(Users users) {
        this.users = users;
    }

    @GetMapping("/users")
    String list(Model model) {
        model.addAttribute("users", users.list());
        model.addAttribute("roles", Arrays.asList(Role.values()));
        model.addAttribute("now", Instant.now());
        return "users/list";
    }

    @PostMapping("/users")
    String add(@RequestParam String name, @RequestParam String role, @RequestParam String password,
               @RequestParam String again, Authentication admin, RedirectAttributes flash) {
        return change(flash, admin, () -> {
            if (!password.equals(again)) {
                throw new Users.Refused("the two passwords differ");
            }
            users.add(name, Role.parse(role), password, Instant.now());
        }, "Added " + name + ".", "added " + name + " (" + role + ")");
    }

    @PostMapping("/users/disable")
    String disable(@RequestParam String name, Authentication admin, RedirectAttributes flash) {
        return change(flash, admin, () -> {
            if (name.equals(admin.getName())) {
                throw new Users.Refused("you cannot disable yourself; another ADMIN can");
            }
            users.disable(name);
        }, "Disabled " + name + ".", "disabled " + name);
    }

    @PostMapping("/users/enable")
    String enable(@RequestParam String name, Authentication admin, RedirectAttributes flash) {
        return change(flash, admin, () -> users.enable(name), "Enabled " + name + ".", "enabled " + name);
    }

    @PostMapping("/users/password")
    String password(@RequestParam String name, @RequestParam String password, @RequestParam String again,
                    Authentication admin, RedirectAttributes flash) {
        return change(flash, admin, () -> {
            if (!password.equals(again)) {
                throw new Users.Refused("the two passwords differ");
            }
            users.setPassword(name, password);
        }, "New password set for " + name + ".", "set a new password for " + name);
    }

    private String change(RedirectAttributes flash, Authentication admin, Runnable change, String done, String logged) {
        try {
            change.run();
            flash.addFlashAttribute("done", done);
            log.info("desk: {} {}", admin.getName(), logged);
        } catch (Users.Refused | IllegalArgumentException e) {
            flash.addFlashAttribute("problem", capitalised(e.getMessage()) + ".");
        }
        return "redirect:/users";
    }

    private static String capitalised(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
