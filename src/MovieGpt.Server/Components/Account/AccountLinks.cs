namespace MovieGpt.Server.Components.Account;

/// <summary>The account pages' addresses, carrying where to go back to; only a local address is ever gone back to.</summary>
public static class AccountLinks
{
    public static string Login(string? returnUrl = null) => WithReturn("account/login", returnUrl);

    public static string Register(string? returnUrl = null) => WithReturn("account/register", returnUrl);

    /// <summary>The return address if it stays on this site (a path, not //host or a scheme), else the home page.</summary>
    public static string LocalOrHome(string? returnUrl) =>
        !string.IsNullOrEmpty(returnUrl) && returnUrl.StartsWith('/') && !returnUrl.StartsWith("//", StringComparison.Ordinal)
            && !returnUrl.StartsWith("/\\", StringComparison.Ordinal)
            ? returnUrl
            : "/";

    private static string WithReturn(string page, string? returnUrl) =>
        string.IsNullOrEmpty(returnUrl) ? page : $"{page}?returnUrl={Uri.EscapeDataString(returnUrl)}";
}
