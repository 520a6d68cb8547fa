using Microsoft.AspNetCore.Identity;

namespace SocialPrescribing.Host.Features.SignIn;

/// <summary>
/// Choosing a password with a one-time link: <c>/account/reset</c> (a forgotten password) and
/// <c>/account/invitation</c> (a new account, which the password enables). The link carries the user name and code.
/// </summary>
internal static class ChoosePasswordPage
{
    public const string ResetPath = "/account/reset";

    public const string InvitationPath = "/account/invitation";

    /// <summary>Sets the password with a code: <c>(user, code, password)</c>.</summary>
    public delegate Task<IdentityResult> Choose(string userName, string code, string password);

    public static IResult Get(HttpContext http, bool invitation)
    {
        var page = AccountPage.FromQuery(http, "user", "code");
        return page["user"] is null || page["code"] is null ? Invalid(page) : Render(page, invitation);
    }

    public static async Task<IResult> PostAsync(HttpContext http, bool invitation, Choose choose)
    {
        ArgumentNullException.ThrowIfNull(choose);
        var (page, form) = await AccountPage.ReadFormAsync(http, "user", "code");
        if (page["user"] is not { } userName || page["code"] is not { } code)
        {
            return Invalid(page);
        }

        if (form is null)
        {
            page.Error("newPassword", page.Text.FormExpired);
            return Render(page, invitation, StatusCodes.Status400BadRequest);
        }

        if (!page.Require(form, "newPassword", "confirmPassword"))
        {
            return Render(page, invitation, StatusCodes.Status400BadRequest);
        }

        var password = form["newPassword"].ToString();
        if (password != form["confirmPassword"].ToString())
        {
            page.Error("confirmPassword", page.Text.PasswordsDiffer);
            return Render(page, invitation, StatusCodes.Status400BadRequest);
        }

        var result = await choose(userName, code, password);
        if (result.Succeeded)
        {
            return Results.Redirect(page.Link(SignInPage.Path, ("done", "password")));
        }

        if (result.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.InvalidToken)))
        {
            return Invalid(page);
        }

        page.Error("newPassword", page.Text.PasswordRule);
        return Render(page, invitation, StatusCodes.Status400BadRequest);
    }

    private static IResult Invalid(AccountPage page) =>
        page.Message(page.Text.ResetTitle, page.Text.LinkInvalid, StatusCodes.Status400BadRequest, Html.Of($"<p><a href=\"{page.Link(ForgotPasswordPage.Path)}\">{page.Text.ForgotPassword}</a></p>"));

    private static IResult Render(AccountPage page, bool invitation, int status = StatusCodes.Status200OK)
    {
        var t = page.Text;
        var intro = invitation ? Html.Of($"<p>{t.Format(t.InvitationIntro, page["user"]!)}</p>") : Html.Empty;
        var fields = Html.Of($"""
            <input type="text" name="username" autocomplete="username" value="{page["user"]}" hidden>
            {page.Field("newPassword", t.NewPassword, "password", "new-password", hint: t.PasswordRule)}{page.Field("confirmPassword", t.ConfirmPassword, "password", "new-password")}
            """);
        return page.Show(invitation ? t.InvitationTitle : t.ResetTitle, Html.Of($"{intro}{page.Form(fields, t.SavePassword)}"), status);
    }
}
