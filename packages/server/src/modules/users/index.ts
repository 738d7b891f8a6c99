/** The users module as other modules may use it. */
export { createUser } from './create-user.js';
export { getUser, searchUsers } from './get-users.js';
export {
  changeAccountPassword,
  clearSignInFailures,
  enableMfa,
  findSignInAccount,
  getSignInAccount,
  noteFailedSignIn,
  noteSuccessfulSignIn,
  type SignInAccount,
  type SignInAccountRow,
  signInAccountOf,
} from './sign-in-account.js';
export { resetUserMfa, updateUser } from './update-user.js';
