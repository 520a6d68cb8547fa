namespace SocialPrescribing.Host.Features.SignIn;

/// <summary>
/// <c>/account/tenant</c>: a person who holds roles in several tenants chooses the one they work in now; the
/// authorization request continues with <c>tenant</c> set, and the token carries that tenant and its roles only.
/// </summary>
internal static class TenantChoicePage
{
    public const string Path = "/account/tenant";

    /// <summary>The authorization request parameter naming the chosen tenant (a client may also send it to choose ahead).</summary>
    public const string Parameter = "tenant";

    public static async Task<IResult> GetAsync(HttpContext http, SignInFlow flow)
    {
        var page = AccountPage.FromQuery(http, "returnUrl");
        return await flow.CurrentUserAsync(http) is { } user
            ? Render(page, flow, await flow.SessionTenantsAsync(http, user))
            : Results.Redirect(page.Onward(SignInPage.Path));
    }

    public static async Task<IResult> PostAsync(HttpContext http, SignInFlow flow)
    {
        var (page, form) = await AccountPage.ReadFormAsync(http, "returnUrl");
        if (await flow.CurrentUserAsync(http) is not { } user)
        {
            return Results.Redirect(page.Onward(SignInPage.Path));
        }

        var tenants = await flow.SessionTenantsAsync(http, user);
        var chosen = form?[Parameter].ToString();
        if (form is null || chosen is null || !tenants.ContainsKey(chosen))
        {
            page.Error(Parameter, form is null ? page.Text.FormExpired : page.Text.ChooseTenant);
            return Render(page, flow, tenants, StatusCodes.Status400BadRequest);
        }

        var returnTo = page.ReturnTo;
        return Results.Redirect(ReturnUrl.IsAuthorization(returnTo)
            ? Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString(returnTo, Parameter, chosen)
            : returnTo);
    }

    private static IResult Render(AccountPage page, SignInFlow flow, IReadOnlyDictionary<string, IReadOnlyList<string>> tenants, int status = StatusCodes.Status200OK)
    {
        var t = page.Text;
        var options = tenants.Keys.Select(tenant => Html.Of($"""
            <div class="choice"><input type="radio" id="{Parameter}-{tenant}" name="{Parameter}" value="{tenant}"><label for="{Parameter}-{tenant}">{flow.TenantName(tenant)}</label></div>
            """));
        var invalid = page.HasErrors ? Html.Of($" aria-describedby=\"{Parameter}-error\"") : Html.Empty;
        var error = page.HasErrors ? Html.Of($"<p id=\"{Parameter}-error\" class=\"error\">{t.ChooseTenant}</p>") : Html.Empty;
        var fields = Html.Of($"""<fieldset id="{Parameter}"{invalid}><legend>{t.TenantLegend}</legend>{error}{Html.Join(options)}</fieldset>""");
        return page.Show(t.TenantTitle, page.Form(fields, t.Continue), status);
    }
}
