/**
 * Messages of the invitation page where the deployment cannot create sign-ins (issue 14: an OIDC
 * provider without an admin client for Shegong), Chinese first; the English object has the same keys.
 */
export const signInProviderZh = {
  title: '暂时无法通过邀请创建账号',
  lead: (org: string) =>
    `${org} 邀请你加入社工平台。本部署的登录由机构自己的身份提供方负责，平台目前还不能在那里为你创建账号。`,
  whatToDo: '需要平台运营方完成的设置',
  operator:
    '请把本页转给平台运营方：需在身份提供方（例如 Keycloak）中为社工平台配置一个管理客户端，并在部署设置中填写 keycloakAdminClientId 和 keycloakAdminSecretArn（见部署说明）。',
  stillValid: (date: string) => `邀请在 ${date} 前一直有效；设置完成后，重新打开此链接即可设置密码并加入。`,
};

export const signInProviderEn: typeof signInProviderZh = {
  title: 'Your account cannot be created from this invitation yet',
  lead: (org: string) =>
    `${org} invites you to Shegong. This deployment signs people in through its own identity provider, and Shegong cannot create your sign-in there yet.`,
  whatToDo: 'What the platform operator must set up',
  operator:
    'Please pass this page on to the platform operator: Shegong needs an admin client in the identity provider (e.g. Keycloak), given to the deployment as the keycloakAdminClientId and keycloakAdminSecretArn settings (see the deployment notes).',
  stillValid: (date: string) =>
    `The invitation stays valid until ${date}; once this is set up, open this link again to choose your password and join.`,
};
