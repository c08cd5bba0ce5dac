package io.sinter.core.internal.shell;

import io.sinter.core.api.AccessService;
import io.sinter.core.api.Principal;
import io.sinter.core.api.PrincipalService;
import io.sinter.core.api.Role;
import io.sinter.core.api.ServiceException;
import java.security.SecureRandom;
import java.util.Base64;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Gogo commands for principals and memberships (the console is the operator's, so no token is needed):
 * {@code sinter:user add|list|passwd|remove}, {@code sinter:client add|list|remove} and
 * {@code sinter:member add|list|remove}. Generated passwords and client secrets are printed once.
 */
@Component(service = SecurityCommands.class, property = {
        "osgi.command.scope=sinter",
        "osgi.command.function=user",
        "osgi.command.function=client",
        "osgi.command.function=member"})
public final class SecurityCommands {
    private static final int ALL = 1000;
    private static final SecureRandom RANDOM = new SecureRandom();
    private final PrincipalService principals;
    private final AccessService access;

    @Activate
    public SecurityCommands(@Reference PrincipalService principals, @Reference AccessService access) {
        this.principals = principals;
        this.access = access;
    }

    /**
     * {@code sinter:user add <username> [password] [--admin]}, {@code sinter:user list},
     * {@code sinter:user passwd <username> [password]}, {@code sinter:user remove <username>}; without a
     * password one is generated and printed once.
     */
    public String user(String... args) {
        try {
            String action = arg(args, 0);
            switch (action) {
                case "list" -> {
                    StringBuilder out = new StringBuilder(String.format("%-36s %-24s %-6s %-8s %s%n", "ID", "USERNAME", "ADMIN", "DISABLED", "NAME"));
                    for (Principal p : principals.list(Principal.Type.USER, 0, ALL).items()) {
                        out.append(String.format("%-36s %-24s %-6s %-8s %s%n", p.id(), p.username(), p.serverAdmin(), p.disabled(), p.displayName()));
                    }
                    return out.toString();
                }
                case "add" -> {
                    String name = arg(args, 1);
                    boolean admin = has(args, "--admin");
                    String given = positional(args, 2);
                    String password = given == null ? generated() : given;
                    Principal p = principals.createUser(name, password, null, null, admin);
                    return "Created user " + p.username() + " (" + p.id() + ")" + (admin ? " as server administrator" : "")
                            + (given == null ? "; password (shown only now): " + password : "") + "\n";
                }
                case "passwd" -> {
                    Principal p = principals.find(arg(args, 1));
                    String given = positional(args, 2);
                    String password = given == null ? generated() : given;
                    principals.updateUser(p.id(), password, null, null, null, null);
                    return "Changed the password of " + p.username() + (given == null ? "; new password (shown only now): " + password : "") + "\n";
                }
                case "remove" -> {
                    Principal p = principals.find(arg(args, 1));
                    principals.delete(p.id(), Principal.Type.USER);
                    return "Removed user " + p.username() + "\n";
                }
                default -> throw new IllegalArgumentException("usage: sinter:user add|list|passwd|remove ...");
            }
        } catch (ServiceException | IllegalArgumentException e) {
            return "Error: " + e.getMessage() + "\n";
        }
    }

    /** {@code sinter:client add <displayName> [--admin]}, {@code sinter:client list}, {@code sinter:client remove <id>}. */
    public String client(String... args) {
        try {
            String action = arg(args, 0);
            switch (action) {
                case "list" -> {
                    StringBuilder out = new StringBuilder(String.format("%-36s %-6s %s%n", "CLIENT ID", "ADMIN", "NAME"));
                    for (Principal p : principals.list(Principal.Type.SERVICE, 0, ALL).items()) {
                        out.append(String.format("%-36s %-6s %s%n", p.id(), p.serverAdmin(), p.displayName()));
                    }
                    return out.toString();
                }
                case "add" -> {
                    PrincipalService.NewClient created = principals.createClient(arg(args, 1), has(args, "--admin"));
                    return "Created service client " + created.client().displayName() + "\n  client_id:     " + created.client().id()
                            + "\n  client_secret: " + created.secret() + "   (shown only now)\n";
                }
                case "remove" -> {
                    principals.delete(arg(args, 1), Principal.Type.SERVICE);
                    return "Removed service client " + args[1] + "\n";
                }
                default -> throw new IllegalArgumentException("usage: sinter:client add|list|remove ...");
            }
        } catch (ServiceException | IllegalArgumentException e) {
            return "Error: " + e.getMessage() + "\n";
        }
    }

    /**
     * {@code sinter:member add <iTwinId> <principal> <role>}, {@code sinter:member list <iTwinId>},
     * {@code sinter:member remove <iTwinId> <principal>}; a principal is a username or an id.
     */
    public String member(String... args) {
        try {
            String action = arg(args, 0);
            String iTwinId = arg(args, 1);
            if (access.owner(AccessService.Target.ITWIN, iTwinId).isEmpty()) {
                throw ServiceException.notFound("iTwinNotFound", "iTwin '" + iTwinId + "' does not exist.");
            }
            switch (action) {
                case "list" -> {
                    StringBuilder out = new StringBuilder(String.format("%-36s %-8s %-7s %s%n", "PRINCIPAL", "TYPE", "ROLE", "NAME"));
                    for (AccessService.Membership m : access.members(iTwinId)) {
                        Principal p = principals.get(m.principalId());
                        out.append(String.format("%-36s %-8s %-7s %s%n", p.id(), p.type().wire(), m.role().wire(),
                                p.username() == null ? p.displayName() : p.username()));
                    }
                    return out.toString();
                }
                case "add" -> {
                    Principal p = principals.find(arg(args, 2));
                    Role role = Role.parse(arg(args, 3));
                    if (role == null) {
                        throw new IllegalArgumentException("role is read, modify or admin");
                    }
                    access.put(iTwinId, p.id(), role);
                    return (p.username() == null ? p.displayName() : p.username()) + " is " + role.wire() + " in iTwin " + iTwinId + "\n";
                }
                case "remove" -> {
                    Principal p = principals.find(arg(args, 2));
                    access.remove(iTwinId, p.id());
                    return "Removed " + (p.username() == null ? p.displayName() : p.username()) + " from iTwin " + iTwinId + "\n";
                }
                default -> throw new IllegalArgumentException("usage: sinter:member add|list|remove <iTwinId> ...");
            }
        } catch (ServiceException | IllegalArgumentException e) {
            return "Error: " + e.getMessage() + "\n";
        }
    }

    private static String arg(String[] args, int i) {
        String value = positional(args, i);
        if (value == null) {
            throw new IllegalArgumentException("missing argument " + (i + 1) + "; see the README's console commands");
        }
        return value;
    }

    /** @return the i-th argument that is not an option, or null */
    private static String positional(String[] args, int i) {
        int n = 0;
        for (String a : args == null ? new String[0] : args) {
            if (a.startsWith("--")) {
                continue;
            }
            if (n++ == i) {
                return a;
            }
        }
        return null;
    }

    private static boolean has(String[] args, String option) {
        for (String a : args == null ? new String[0] : args) {
            if (a.equals(option)) {
                return true;
            }
        }
        return false;
    }

    private static String generated() {
        byte[] bytes = new byte[15];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
