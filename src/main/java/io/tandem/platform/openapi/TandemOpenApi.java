package io.tandem.platform.openapi;

import io.tandem.admin.boundary.AdminResource;
import io.tandem.auth.boundary.AuthResource;
import io.tandem.auth.boundary.SignedIn;
import io.tandem.auth.boundary.UserView;
import io.tandem.auth.boundary.Users;
import io.tandem.auth.boundary.UsersResource;
import io.tandem.core.boundary.CustomersResource;
import io.tandem.core.boundary.ProjectsResource;
import io.tandem.employees.boundary.Employees;
import io.tandem.employees.boundary.EmployeesResource;
import io.tandem.employees.entity.Employee;
import io.tandem.events.boundary.EventsResource;
import io.tandem.leave.boundary.LeaveRequests;
import io.tandem.leave.boundary.LeaveRequestsResource;
import io.tandem.orders.boundary.OrdersResource;
import io.tandem.platform.versioning.RevisionView;
import io.tandem.portfolio.boundary.ActualResource;
import io.tandem.portfolio.boundary.PlannedProjectResource;
import io.tandem.portfolio.boundary.PlanningResourceResource;
import io.tandem.portfolio.boundary.PortfolioResource;
import io.tandem.portfolio.boundary.ProgramResource;
import io.tandem.portfolio.boundary.ProjectPhaseResource;
import io.tandem.portfolio.boundary.RateResource;
import io.tandem.portfolio.boundary.ResourceAssignmentResource;
import io.tandem.portfolio.boundary.ScopeAssignmentResource;
import io.tandem.portfolio.boundary.WorkerResource;
import io.tandem.portfolio.boundary.WorkerTypeResource;
import io.tandem.portfolio.entity.ResourceAssignment;
import io.tandem.presence.boundary.PresenceResource;
import io.tandem.presence.entity.UserConfig;
import io.tandem.racks.boundary.RacksResource;
import io.tandem.racks.boundary.SessionsResource;
import io.tandem.racks.boundary.SyncResource;
import io.tandem.racks.entity.Floor;
import io.tandem.san.boundary.AliasesResource;
import io.tandem.san.boundary.ZonesResource;
import io.tandem.san.entity.Alias;
import io.tandem.san.entity.Zone;
import io.tandem.stock.boundary.ClientsResource;
import io.tandem.stock.boundary.ProductsResource;
import io.tandem.stock.boundary.StockResource;
import io.tandem.stock.entity.Allocation;
import io.tandem.stock.entity.Stock;
import io.tandem.storage.boundary.StorageImports;
import io.tandem.storage.boundary.StorageResource;
import io.tandem.timesheets.boundary.Timesheets;
import io.tandem.timesheets.boundary.TimesheetsResource;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASModelReader;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The OpenAPI document of {@code GET /openapi}, built in code ({@code mp.openapi.model.reader}) with annotation
 * scanning off: Payara's scanner cannot resolve the paths of the generic {@code VersionedResource} subclasses and
 * sees only {@code String} bodies. Paths, parameters and typed answers come from the resource methods, schemas
 * from the records and entities by reflection ({@link Endpoints}, {@link Schemas}); this class says only what
 * the code cannot: what a {@code String body} is read into, what a {@code Response} or map carries, who may call,
 * and the problems an operation adds to those of its kind. {@code OpenApiTest} fails when a resource method is
 * missing here, and the lint when an operation lacks a typed body, a success or a problem.
 */
public class TandemOpenApi implements OASModelReader {

    @Override
    public OpenAPI buildModel() {
        OpenAPI document = OASFactory.createOpenAPI().openapi("3.0.3")
                .info(OASFactory.createInfo().title("Tandem").version("1.0").description(
                        "Concurrent-safe business data: optimistic locking, atomic operations, presence and rack audits. "
                                + "JSON is snake_case; times are ISO-8601 UTC; errors are application/problem+json."))
                .servers(List.of(OASFactory.createServer().url("/").description("The server that served this document.")))
                .paths(OASFactory.createPaths())
                .components(OASFactory.createComponents())
                .security(List.of(Endpoint.bearer()));
        document.getComponents().addSecurityScheme(Endpoints.BEARER, OASFactory.createSecurityScheme()
                .type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")
                .description("The `access_token` of POST /api/auth/login or /api/auth/refresh."));
        Endpoints api = new Endpoints(document);
        Problems.addTo(document.getComponents(), api.schemas);
        auth(api);
        admin(api);
        versionedCollections(api);
        stockAndPeople(api);
        presenceAndRacks(api);
        events(api);
        platform(api);
        api.schemas.refine(RevisionView.class, "changes", Schemas.arrayOf(api.schemas.object("FieldChange",
                "field", String.class, "old", Object.class, "new", Object.class)));
        api.tags().forEach(tag -> document.addTag(OASFactory.createTag().name(tag).description(TAGS.get(tag))));
        return document;
    }

    /** One tag per business component (the package under io.tandem). */
    private static final Map<String, String> TAGS = Map.ofEntries(
            Map.entry("admin", "What the administrators' monitoring screen reads."),
            Map.entry("auth", "Sign-in, tokens and user administration."),
            Map.entry("core", "Customers and projects."),
            Map.entry("employees", "Employee profiles, leave balances and hourly rates."),
            Map.entry("events", "The live change stream (Server-Sent Events)."),
            Map.entry("leave", "Leave requests, decided exactly once."),
            Map.entry("orders", "Orders with unique order numbers."),
            Map.entry("platform", "Health, metrics and this document, served by the runtime."),
            Map.entry("portfolio", "The portfolio planner's versioned collections."),
            Map.entry("presence", "Heartbeats, who is active, and each user's working context."),
            Map.entry("racks", "Rack audits: claims with leases, sessions and offline sync."),
            Map.entry("san", "SAN zones and aliases of a project, single and in bulk."),
            Map.entry("stock", "Products, clients, stock rows and atomic allocations."),
            Map.entry("storage", "Storage systems and their imported hosts and volumes."),
            Map.entry("timesheets", "Weekly timesheets and their payroll."));

    private static void auth(Endpoints api) {
        api.of(AuthResource.class, "login").publicly().summary("Sign in").body(AuthResource.Credentials.class)
                .ok(SignedIn.class).problems(401, 429);
        api.of(AuthResource.class, "refresh").publicly().summary("Swap a refresh token for new tokens (the old one is spent)")
                .body(AuthResource.RefreshRequest.class).ok(SignedIn.class).problems(401);
        api.of(AuthResource.class, "logout").summary("End this sign-in: its tokens stop working at once").noContent();
        api.of(AuthResource.class, "me").summary("The caller");
        api.of(AuthResource.class, "changePassword").summary("Change your own password; your other sign-ins end")
                .body(AuthResource.PasswordChange.class).noContent().problems(403, 429);
        api.of(AuthResource.class, "purge").summary("Forget ended sign-ins now (a timer does it hourly)").who("ADMIN")
                .ok(api.schemas.object("PurgedSignIns", "purged", int.class));
        api.of(UsersResource.class, "create").summary("Create a user").who("ADMIN").body(Users.NewUser.class)
                .created(UserView.class).problems(409);
        api.of(UsersResource.class, "list").summary("List users").who("ADMIN");
        api.of(UsersResource.class, "resetPassword").summary("Set a user's password; all their sign-ins end").who("ADMIN")
                .body(UsersResource.PasswordReset.class).noContent();
        api.of(UsersResource.class, "get").summary("Get a user").who("ADMIN").ok(UserView.class)
                .successHeader("ETag", "The version, \"<version>\".");
        api.of(UsersResource.class, "history").summary("Revisions of a user, newest first").who("ADMIN");
        api.of(UsersResource.class, "rename").summary("Rename a user").who("ADMIN").body(UsersResource.NameChange.class)
                .ok(UserView.class).problems(409, 412, 428).successHeader("ETag", "The new version.");
        api.of(UsersResource.class, "delete").summary("Delete a user (not yourself, not the last administrator)")
                .who("ADMIN").noContent().problems(409, 412, 428);
        api.of(UsersResource.class, "changeRoles").summary("Change a user's roles (the last administrator keeps ADMIN)")
                .who("ADMIN").body(UsersResource.RolesChange.class).ok(UserView.class).problems(409, 412, 428)
                .successHeader("ETag", "The new version.");
    }

    private static void admin(Endpoints api) {
        api.of(AdminResource.class, "conflicts").summary("Version conflicts per entity type, counted on all nodes").who("ADMIN")
                .description("Every 409/412 for a stale version counts, and each conflicting item of a bulk save; "
                        + "`last_conflict_at` is when the type's latest one was answered.");
    }

    private static void versionedCollections(Endpoints api) {
        api.versioned(CustomersResource.class);
        api.versioned(ProjectsResource.class).list().query("customer_id", Long.class, "Only this customer's projects.");
        api.versioned(StorageResource.class);
        api.versioned(OrdersResource.class);
        api.versioned(ProductsResource.class);
        api.versioned(ClientsResource.class);
        for (Class<? extends io.tandem.platform.versioning.VersionedResource<?, ?>> planner : List.of(PortfolioResource.class,
                ProgramResource.class, PlannedProjectResource.class, ProjectPhaseResource.class, PlanningResourceResource.class,
                WorkerTypeResource.class, WorkerResource.class, ResourceAssignmentResource.class, RateResource.class,
                ActualResource.class, ScopeAssignmentResource.class)) {
            api.versioned(planner);
        }
        api.of(StorageResource.class, "importInventory").summary("Import hosts and volumes (idempotent on external ids)")
                .body(StorageImports.Document.class);
        api.of(StorageResource.class, "hosts").summary("Hosts of a storage system");
        api.of(StorageResource.class, "volumes").summary("Volumes of a storage system");

        api.versioned(ZonesResource.class).list().query("project_id", Long.class, "Only this project's zones.");
        api.versioned(AliasesResource.class).list().query("project_id", Long.class, "Only this project's aliases.");
        api.of(ZonesResource.class, "save").summary("Save zones in bulk: new ones (no id) and updates (id + version)")
                .body(bulkSave(api, "zones", Zone.class, Zone.Fields.class), true, Endpoint.JSON)
                .ok(api.schemas.object("ZonesSaved", "zones", Schemas.arrayOf(api.schemas.answer(Zone.class))))
                .problems(409)
                .description("Each item is saved in its own transaction. Any failure → problem+json (409 if a version "
                        + "conflict is among them, else 400) with `details` per failed item (`zone`, its `index` in the request, "
                        + "`id`, `errors`) and the saved `zones`.");
        api.of(AliasesResource.class, "save").summary("Save aliases in bulk: new ones (no id) and updates (id + version)")
                .body(bulkSave(api, "aliases", Alias.class, Alias.Fields.class), true, Endpoint.JSON)
                .ok(api.schemas.object("AliasesSaved", "aliases", Schemas.arrayOf(api.schemas.answer(Alias.class))))
                .problems(409)
                .description("As for zones: each item on its own; failures in `details`, the saved items in `aliases`.");
        api.of(ResourceAssignmentResource.class, "bulk").summary("Update resource assignments in bulk, each on its own")
                .body(Schemas.arrayOf(api.itemWithIdAndVersion(ResourceAssignment.Fields.class, "ResourceAssignmentBulkItem")),
                        true, Endpoint.JSON)
                .ok(api.schemas.object("BulkOutcome",
                        "succeeded", Schemas.arrayOf(api.schemas.object("BulkSucceeded", "id", Long.class, "version", Long.class)),
                        "failed", Schemas.arrayOf(api.schemas.object("BulkFailed", "id", Long.class, "error", String.class,
                                "current_state", Object.class))))
                .description("Also accepts `{\"updates\": [...]}`. Never all-or-nothing: each update is validated and "
                        + "version-checked on its own; a conflict's `current_state` is the assignment as it is now.");
    }

    private static Schema bulkSave(Endpoints api, String items, Class<?> entity, Class<?> fields) {
        return api.schemas.define(entity.getSimpleName() + "BulkSave", Object.class, OASFactory.createSchema()
                .type(SchemaType.OBJECT)
                .addProperty("project_id", Schemas.simple(SchemaType.INTEGER, "int64"))
                .addProperty(items, Schemas.arrayOf(api.itemWithIdAndVersion(fields, entity.getSimpleName() + "BulkItem"))));
    }

    private static void stockAndPeople(Endpoints api) {
        api.of(StockResource.class, "list").summary("List stock rows by product name, SKU and client name (?q= searches them)");
        api.of(StockResource.class, "get").summary("Get a stock row");
        api.of(StockResource.class, "allocationsOf").summary("Allocations of a stock row");
        api.of(StockResource.class, "create").summary("Create a stock row (one per product and client)").who("MANAGER")
                .body(StockResource.NewStock.class).created(Stock.class).problems(409);
        api.of(StockResource.class, "adjust").summary("Add or remove stock, never below zero").who("MANAGER")
                .body(StockResource.Adjustment.class).problems(409);
        api.of(StockResource.class, "allocate").summary("Allocate stock: one line or several, all or none")
                .body(StockResource.AllocationRequest.class)
                .created(api.schemas.object("Allocations", "allocations", Schemas.arrayOf(api.schemas.answer(Allocation.class))))
                .problems(409, 422)
                .description("Not enough stock: 409 with `requested` and `available`; busy: 503 with Retry-After.");
        api.of(StockResource.class, "release").summary("Give an allocation's quantity back, exactly once").problems(409);

        api.of(EmployeesResource.class, "create").summary("Create an employee profile").who("MANAGER")
                .body(Employees.NewEmployee.class).created(Employee.class).problems(409);
        api.of(EmployeesResource.class, "list").summary("List employee profiles").who("MANAGER");
        api.of(EmployeesResource.class, "candidates").summary("Users without an employee profile").who("MANAGER");
        api.of(EmployeesResource.class, "mine").summary("The caller's employee profile");
        api.of(EmployeesResource.class, "get").summary("Get an employee profile with leave balances (hours)")
                .who("the employee or a MANAGER");
        api.of(EmployeesResource.class, "setRate").summary("Set an employee's hourly rate").who("MANAGER")
                .body(EmployeesResource.Rate.class);

        api.of(LeaveRequestsResource.class, "create").summary("Request leave (managers may pass employee_id)")
                .body(LeaveRequests.NewRequest.class).created(io.tandem.leave.entity.LeaveRequest.class).problems(403);
        api.of(LeaveRequestsResource.class, "list").summary("List leave requests, oldest first (employees: only their own)");
        api.of(LeaveRequestsResource.class, "get").summary("Get a leave request");
        api.of(LeaveRequestsResource.class, "approve").summary("Approve a leave request, exactly once")
                .who("MANAGER, not for their own").problems(409);
        api.of(LeaveRequestsResource.class, "reject").summary("Reject a leave request, exactly once")
                .who("MANAGER, not for their own").problems(409);
        api.of(LeaveRequestsResource.class, "cancel").summary("Cancel a leave request (approved hours come back once)")
                .who("the employee or a MANAGER").problems(409);

        api.of(TimesheetsResource.class, "create").summary("Create a timesheet for a week").body(Timesheets.NewTimesheet.class)
                .created(Timesheets.View.class).problems(403);
        api.of(TimesheetsResource.class, "list").summary("List timesheets with their payroll, newest first (employees: only their own)");
        api.of(TimesheetsResource.class, "get").summary("Get a timesheet with its payroll");
        api.of(TimesheetsResource.class, "payroll").summary("Payroll calculations of a timesheet");
        api.of(TimesheetsResource.class, "submit").summary("Submit a draft timesheet").who("the employee").problems(409);
        api.of(TimesheetsResource.class, "approve").summary("Approve a timesheet and calculate its payroll, exactly once")
                .who("MANAGER, not for their own").problems(409, 422);
        api.of(TimesheetsResource.class, "reject").summary("Reject a submitted timesheet").who("MANAGER, not for their own")
                .problems(409);
    }

    private static void presenceAndRacks(Endpoints api) {
        api.of(PresenceResource.class, "heartbeat").summary("Say the caller is active")
                .ok(api.schemas.object("Heartbeat", "success", boolean.class, "last_activity", Instant.class));
        Schema named = api.schemas.object("NamedRef", "id", nullable(Long.class), "name", nullable(String.class));
        api.of(PresenceResource.class, "activeUsers").publicly().summary("Users with a heartbeat in the last 5 minutes")
                .ok(api.schemas.object("ActiveUsers", "active_users", Schemas.arrayOf(api.schemas.object("ActiveUser",
                        "user", api.schemas.object("ActiveUserName", "id", Long.class, "username", String.class,
                                "first_name", String.class, "last_name", String.class),
                        "active_customer", named, "active_project", named,
                        "last_activity", Instant.class))));
        api.of(PresenceResource.class, "config").summary("The caller's working context").ok(UserConfig.class)
                .successHeader("ETag", "The version, \"<version>\".");
        api.of(PresenceResource.class, "changeConfig").summary("Change the caller's working context")
                .body(api.itemWithVersion(UserConfig.Fields.class, "UserConfigUpdate"), true, Endpoint.JSON)
                .ok(UserConfig.class).problems(409, 412, 428).successHeader("ETag", "The new version.");

        api.of(RacksResource.class, "createFloor").summary("Create a floor").who("MANAGER").body(RacksResource.NewFloor.class)
                .created(Floor.class).problems(409);
        api.of(RacksResource.class, "floors").summary("List floors");
        api.of(RacksResource.class, "createRack").summary("Create a rack").who("MANAGER").body(RacksResource.NewRack.class)
                .created(api.schemas.object("RackCreated", "rack_id", String.class, "floor", String.class)).problems(409);
        api.of(RacksResource.class, "setItems").summary("Set the items expected on a rack").who("MANAGER")
                .body(Schemas.arrayOf(api.schemas.define("ExpectedItem", Object.class, OASFactory.createSchema()
                        .type(SchemaType.OBJECT).required(List.of("item_code", "expected_qty"))
                        .addProperty("item_code", Schemas.simple(SchemaType.STRING, null))
                        .addProperty("expected_qty", Schemas.simple(SchemaType.INTEGER, "int32")))), true, Endpoint.JSON)
                .ok(api.schemas.object("RackItems", "rack_id", String.class, "items", int.class));
        api.of(RacksResource.class, "available").summary("Racks nobody holds")
                .ok(Schemas.arrayOf(api.schemas.object("AvailableRack", "rack_id", String.class, "floor", String.class,
                        "item_count", long.class, "expected_quantity", long.class)));
        api.of(RacksResource.class, "status").summary("Who holds a rack, until when")
                .ok(api.schemas.object("RackStatus", "rack_id", String.class, "floor", String.class, "status", String.class,
                        "held_by", nullable(String.class), "session_id", nullable(String.class),
                        "fencing_token", nullable(Long.class), "lease_expires_at", nullable(Instant.class),
                        "lock_ttl_remaining", long.class));
        api.of(RacksResource.class, "mine").summary("The caller's sessions that still hold a lease");
        api.of(RacksResource.class, "claim").summary("Claim a rack for an audit (a lease renewed by heartbeats)")
                .optionalBody(RacksResource.ClaimRequest.class).problems(409);
        for (String step : List.of("pause", "resume", "release")) {
            api.of(RacksResource.class, step).summary(Character.toUpperCase(step.charAt(0)) + step.substring(1) + " a claim")
                    .who("the holder or a MANAGER").optionalBody(RacksResource.UnderClaim.class).problems(409);
        }

        api.of(SessionsResource.class, "active").summary("Active audit sessions");
        api.of(SessionsResource.class, "history").summary("The caller's past sessions");
        api.of(SessionsResource.class, "get").summary("Get an audit session");
        api.of(SessionsResource.class, "stats").summary("Progress of an audit session")
                .ok(api.schemas.object("SessionStats", "session_id", String.class, "total_items", long.class,
                        "verified_items", long.class, "damage_items", long.class, "pending_items", long.class,
                        "duration_seconds", long.class, "items_per_minute", double.class));
        api.of(SessionsResource.class, "items").summary("Items recorded in an audit session");
        api.of(SessionsResource.class, "heartbeat").summary("Renew the session's lease (also a presence heartbeat)")
                .who("the holder").optionalBody(SessionsResource.Beat.class).problems(409)
                .ok(api.schemas.object("SessionHeartbeat", "success", boolean.class, "session_id", String.class,
                        "rack_lock_renewed", boolean.class, "user_presence_updated", boolean.class,
                        "lock_ttl_remaining", long.class, "fencing_token", long.class, "message", String.class));
        api.of(SessionsResource.class, "complete").summary("End a session and free its rack").who("the holder or a MANAGER")
                .problems(409);
        api.of(SyncResource.class, "purge").summary("Forget old sync replay records now (a timer does it hourly)")
                .who("ADMIN").ok(api.schemas.object("PurgedSyncRecords", "purged", int.class));
        api.of(SyncResource.class, "batch").summary("Sync audit records captured offline, each on its own")
                .who("the session's holder").body(SyncResource.Batch.class).problems(413)
                .ok(api.schemas.object("SyncOutcome", "results", Schemas.arrayOf(syncResult(api)),
                        "accepted", long.class, "total", int.class));
    }

    private static Schema syncResult(Endpoints api) {
        return api.schemas.define("SyncResult", Object.class, OASFactory.createSchema().type(SchemaType.OBJECT)
                .required(List.of("client_record_id", "status"))
                .addProperty("client_record_id", Schemas.simple(SchemaType.STRING, null).nullable(true))
                .addProperty("status", Schemas.simple(SchemaType.STRING, null)
                        .enumeration(List.of("accepted", "duplicate", "conflict", "rejected")))
                .addProperty("reason", Schemas.simple(SchemaType.STRING, null).description("Why, e.g. `lease_lost`."))
                .addProperty("first_status", Schemas.simple(SchemaType.STRING, null).description("A duplicate's first outcome."))
                .addProperty("server_record", Schemas.simple(SchemaType.OBJECT, null)
                        .description("The server's newer copy of the item (a conflict).")));
    }

    private static void events(Endpoints api) {
        api.of(EventsResource.class, "ticket").summary("A single-use ticket to open the stream (valid 30 s)")
                .ok(api.schemas.object("StreamTicket", "ticket", String.class, "expires_in", long.class));
        api.of(EventsResource.class, "open").summary("The live change stream (Server-Sent Events)").bearerOrNone()
                .answers("text/event-stream", Schemas.simple(SchemaType.STRING, null),
                        "Events `entity.changed`, `entity.deleted`, `presence.active`, `rack.*` with JSON data "
                                + "`{id, type, at, entity_type, entity_id, version, user_id, by, details}`; `reset` when "
                                + "the missed part of the log was purged.")
                .description("Open with `?ticket=` or a Bearer header.");
        api.of(EventsResource.class, "purge").summary("Purge the change log now").who("ADMIN")
                .ok(api.schemas.object("Purged", "purged", int.class, "purged_through", long.class));
    }

    /** Endpoints Payara Micro serves for the WAR (MicroProfile Health, Metrics, OpenAPI). */
    private static void platform(Endpoints api) {
        Schema health = api.schemas.define("Health", Object.class, OASFactory.createSchema().type(SchemaType.OBJECT)
                .addProperty("status", Schemas.simple(SchemaType.STRING, null).enumeration(List.of("UP", "DOWN")))
                .addProperty("checks", Schemas.arrayOf(OASFactory.createSchema().type(SchemaType.OBJECT)
                        .addProperty("name", Schemas.simple(SchemaType.STRING, null))
                        .addProperty("status", Schemas.simple(SchemaType.STRING, null))
                        .addProperty("data", Schemas.simple(SchemaType.OBJECT, null)))));
        for (String[] check : new String[][]{{"/health", "getHealth", "All health checks"},
                {"/health/ready", "getReadiness", "Ready: migrations ran and the database answers"},
                {"/health/live", "getLiveness", "Alive"}}) {
            api.platform("GET", check[0], check[1]).summary(check[2]).ok(health).answer("503", "Down.", health);
        }
        api.platform("GET", "/metrics", "getMetrics").summary("MicroProfile Metrics (e.g. `tandem_version_conflicts`)")
                .answers("text/plain", Schemas.simple(SchemaType.STRING, null), "OpenMetrics text.");
        api.platform("GET", "/openapi", "getOpenApi").summary("This document")
                .answers("application/yaml", Schemas.simple(SchemaType.STRING, null), "YAML; JSON with `?format=JSON` "
                        + "or `Accept: application/json`.");
    }

    private static Schema nullable(Class<?> type) {
        return Schemas.nullable(Schemas.simple(type), true);
    }
}
