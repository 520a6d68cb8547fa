using SocialPrescribing.Accounts;
using SocialPrescribing.Domain.Tenants;
using SocialPrescribing.Host.Hosting;
using SocialPrescribing.Domain.Access;

namespace SocialPrescribing.Host.Features.Access;

/// <summary>
/// The operator's account commands, run as <c>SocialPrescribing.Host.dll &lt;command&gt;</c> against the host's
/// configured database (scripts depend on these exact forms):
/// <c>users add --tenant T --user U --name "Display Name" --roles r1[,r2] [--password P]</c>,
/// <c>users list [--tenant T]</c>, <c>users disable --user U</c>, <c>users reset --user U</c>,
/// <c>clients add --tenant T --client C --roles r --secret S</c>,
/// <c>clients add --public --client C --redirect-uri U [--redirect-uri U2…] [--post-logout-redirect-uri U…]</c> (the
/// console people sign in to), <c>clients add --web --client C --secret S --redirect-uri U […]</c> (another program's
/// web application that signs people in through this host), <c>clients list [--tenant T]</c>,
/// <c>clients revoke --client C</c>, and <c>token --tenant T --user U</c>, which prints only an access token.
/// Exit codes: 0 done, 1 refused (the reason on stderr), 2 usage.
/// </summary>
internal static class AccessCommands
{
    private const string Usage = """
        Usage:
          users add --tenant T --user U --name "Display Name" --roles r1[,r2] [--password P]
          users list [--tenant T]
          users disable --user U
          users reset --user U
          clients add --tenant T --client C --roles r1[,r2] --secret S
          clients add --public --client C --redirect-uri U [--redirect-uri U2] [--post-logout-redirect-uri U]
          clients add --web --client C --secret S --redirect-uri U [--redirect-uri U2] [--post-logout-redirect-uri U]
          clients list [--tenant T]
          clients revoke --client C
          token --tenant T --user U
        """;

    public static bool Handles(string[] args) => args is ["users", ..] or ["clients", ..] or ["token", ..];

    public static async Task<int> RunAsync(WebApplication app, string[] args)
    {
        foreach (var migration in app.Services.GetServices<SchemaMigration>().Where(m => m.AtStartUp && m.Name.Contains("accounts", StringComparison.Ordinal)))
        {
            await migration.ApplyAsync(CancellationToken.None);
        }

        await using var scope = app.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var arguments = new CommandArguments(args);
        try
        {
            if (arguments.OptionalTenant() is { } named && !services.GetRequiredService<ITenantDirectory>().TryGet(named, out _))
            {
                await Console.Error.WriteLineAsync($"--tenant: no tenant {named.Value} is configured or stored here.");
                return 1;
            }

            return args switch
            {
                ["users", "add", ..] => await AddUserAsync(services, arguments),
                ["users", "list", ..] => await ListUsersAsync(services, arguments),
                ["users", "disable", ..] => Report(await services.GetRequiredService<UserDirectory>().DisableAsync(arguments.Required("--user")), "Disabled."),
                ["users", "reset", ..] => Report(await services.GetRequiredService<UserDirectory>().ResetAsync(arguments.Required("--user")), "Password cleared; the person sets a new one with this one-time code:"),
                ["clients", "add", ..] when args.Contains("--public") => Report(
                    await services.GetRequiredService<ClientRegistry>().AddPublicAsync(arguments.Required("--client"), arguments.All("--redirect-uri"), arguments.All("--post-logout-redirect-uri")),
                    "Public client added: people sign in through it with the authorization code flow and PKCE."),
                ["clients", "add", ..] when args.Contains("--web") => Report(
                    await services.GetRequiredService<ClientRegistry>().AddWebAsync(arguments.Required("--client"), arguments.Required("--secret"), arguments.All("--redirect-uri"), arguments.All("--post-logout-redirect-uri")),
                    "Web client added: people sign in through it with the authorization code flow and PKCE; it authenticates with its secret."),
                ["clients", "add", ..] => Report(
                    await services.GetRequiredService<ClientRegistry>().AddAsync(arguments.Tenant(), arguments.Required("--client"), AccessRoles.Split(arguments.Required("--roles")), arguments.Required("--secret")),
                    "Client added."),
                ["clients", "list", ..] => await ListClientsAsync(services, arguments),
                ["clients", "revoke", ..] => Report(await services.GetRequiredService<ClientRegistry>().RevokeAsync(arguments.Required("--client")), "Client revoked."),
                ["token", ..] => await PrintTokenAsync(app, services, arguments),
                _ => UsageError(null),
            };
        }
        catch (ArgumentException ex)
        {
            return UsageError(ex.Message);
        }
    }

    private static async Task<int> AddUserAsync(IServiceProvider services, CommandArguments arguments)
    {
        var result = await services.GetRequiredService<UserDirectory>().AddAsync(
            arguments.Tenant(), arguments.Required("--user"), arguments.Required("--name"), AccessRoles.Split(arguments.Required("--roles")), arguments.Optional("--password"));
        return Report(result, result.Secret is null ? "User added." : "User added without a password; they choose one with this one-time invitation code:");
    }

    private static async Task<int> ListUsersAsync(IServiceProvider services, CommandArguments arguments)
    {
        foreach (var user in await services.GetRequiredService<UserDirectory>().ListAsync(arguments.OptionalTenant()))
        {
            var flags = (user.Disabled ? " disabled" : string.Empty) + (user.TwoFactor ? " 2fa" : string.Empty);
            await Console.Out.WriteLineAsync($"{user.UserName}\t{user.DisplayName}\t{string.Join(",", user.Roles)}{flags}");
        }

        return 0;
    }

    private static async Task<int> ListClientsAsync(IServiceProvider services, CommandArguments arguments)
    {
        foreach (var client in await services.GetRequiredService<ClientRegistry>().ListAsync(arguments.OptionalTenant()))
        {
            await Console.Out.WriteLineAsync($"{client.ClientId}\t{client.Tenant}\t{string.Join(",", client.Roles)}");
        }

        if (arguments.OptionalTenant() is null)
        {
            foreach (var (clientId, kind, redirectUris) in await services.GetRequiredService<ClientRegistry>().ListPersonClientsAsync())
            {
                await Console.Out.WriteLineAsync($"{clientId}\t({kind})\t{string.Join(",", redirectUris)}");
            }
        }

        return 0;
    }

    private static async Task<int> PrintTokenAsync(WebApplication app, IServiceProvider services, CommandArguments arguments)
    {
        var allowed = AccessFeature.IsDevelopment(app.Environment) || app.Configuration.GetValue<bool>("Access:AllowTokenCommand");
        if (!allowed)
        {
            await Console.Error.WriteLineAsync("token is refused outside Development unless Access:AllowTokenCommand is true; systems get tokens from POST /connect/token.");
            return 1;
        }

        var tenant = arguments.Tenant();
        var userName = arguments.Required("--user");
        if (await services.GetRequiredService<UserDirectory>().FindForTenantAsync(userName, tenant) is not { } found)
        {
            await Console.Error.WriteLineAsync($"--user: no enabled account {userName} with a role in tenant {tenant.Value}.");
            return 1;
        }

        var token = services.GetRequiredService<AccessTokenIssuer>().Issue(found.User.UserName!, found.User.DisplayName, tenant, found.Roles);
        await Console.Out.WriteLineAsync(token);
        return 0;
    }

    private static int Report(AccountResult result, string done)
    {
        if (!result.Succeeded)
        {
            Console.Error.WriteLine(result.Error);
            return 1;
        }

        Console.Out.WriteLine(done);
        if (result.Secret is not null)
        {
            Console.Out.WriteLine(result.Secret);
        }

        return 0;
    }

    private static int UsageError(string? problem)
    {
        if (problem is not null)
        {
            Console.Error.WriteLine(problem);
        }

        Console.Error.WriteLine(Usage);
        return 2;
    }
}
