using SocialPrescribing.Accounts;
using SocialPrescribing.Host.Features.Federation;

namespace SocialPrescribing.Host.Features.SignIn;

/// <summary>
/// <c>/account/signin</c>: user name and password, then the second factor when the account has one; or a button per
/// tenant that signs its people in at its own provider.
/// </summary>
internal static class SignInPage
{
    public const string Path = "/account/signin";

    public static IResult Get(HttpContext http)
    {
        var page = AccountPage.FromQuery(http, "returnUrl");
        return Render(page, null, http.Request.Query["done"] == "password");
    }

    public static async Task<IResult> PostAsync(HttpContext http, SignInFlow flow)
    {
        var (page, form) = await AccountPage.ReadFormAsync(http, "returnUrl");
        if (form is null)
        {
            page.Error("userName", page.Text.FormExpired);
            return Render(page, null, status: StatusCodes.Status400BadRequest);
        }

        var userName = form["userName"].ToString().Trim();
        if (!page.Require(form, "userName", "password"))
        {
            return Render(page, userName, status: StatusCodes.Status400BadRequest);
        }

        if (await flow.OverLimitAsync(http, page, userName) is { } wait)
        {
            page.Error("userName", wait);
            return Render(page, userName, status: StatusCodes.Status429TooManyRequests);
        }

        var result = await flow.SignIn.PasswordSignInAsync(userName, form["password"].ToString(), isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            await flow.SignedInAsync(http, userName);
            return Results.Redirect(page.ReturnTo);
        }

        if (result.RequiresTwoFactor)
        {
            return Results.Redirect(page.Onward(TwoFactorPage.Path));
        }

        if (result is PasswordNotUsedResult)
        {
            await flow.FailedAsync(http, userName, SignInFailure.PasswordNotUsed);
            page.Error("password", page.Text.PasswordNotUsed);
        }
        else if (result.IsLockedOut)
        {
            await flow.FailedAsync(http, userName, SignInFailure.LockedOut);
            page.Error("userName", page.Text.LockedOut);
        }
        else
        {
            await flow.FailedAsync(http, userName, result.IsNotAllowed ? SignInFailure.NotAllowed : SignInFailure.Password);
            page.Error("password", page.Text.WrongPassword);
        }

        return Render(page, userName, status: StatusCodes.Status400BadRequest);
    }

    private static IResult Render(AccountPage page, string? userName, bool passwordSaved = false, int status = StatusCodes.Status200OK)
    {
        var t = page.Text;
        var notice = passwordSaved ? Html.Of($"<p class=\"notice\" role=\"status\">{t.PasswordSaved}</p>") : Html.Empty;
        var fields = Html.Of($"{page.Field("userName", t.UserName, "text", "username", userName)}{page.Field("password", t.Password, "password", "current-password")}");
        return page.Show(t.SignInTitle, Html.Of($"""
            {notice}{page.Form(fields, t.SignInButton)}
            <p><a href="{page.Link(ForgotPasswordPage.Path)}">{t.ForgotPassword}</a></p>{Providers(page)}
            """), status);
    }

    /// <summary>A "Sign in with …" link per federated tenant, carrying the return URL and the language.</summary>
    private static Html Providers(AccountPage page)
    {
        var federated = page.Http.RequestServices.GetRequiredService<FederationDirectory>().All;
        if (federated.Count == 0)
        {
            return Html.Empty;
        }

        var t = page.Text;
        var buttons = federated.OrderBy(f => f.DisplayName, StringComparer.CurrentCulture).Select(f => Html.Of($"""
            <p><a class="button" href="{page.Link($"/account/federated/{f.Tenant.Value}", ("returnUrl", page.ReturnTo))}">{t.Format(t.SignInWith, f.DisplayName)}</a></p>
            """));
        return Html.Of($"""<section aria-labelledby="federated"><h2 id="federated">{t.OrSignInWith}</h2>{Html.Join(buttons)}</section>""");
    }
}
