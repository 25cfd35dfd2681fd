/**
 * Passwords of 12 or more characters that appear near the top of public breach lists (the
 * xato/SecLists "10 million" top lists, RockYou) or are the obvious long variants of the
 * all-time favourites: keyboard walks (QWERTY and the AZERTY layout used in Quebec), digit runs,
 * "password"/"welcome"/"iloveyou" plus digits, famous phrases, and local favourites (French,
 * Canadian cities). The 12-character minimum already refuses the short ones, so only long
 * entries are worth shipping. Stored lower case; the policy compares case-insensitively and
 * also with the spaces removed.
 */
export const commonPasswords: readonly string[] = [
  // Digit runs and repeats
  '123456789012', '1234567890123', '12345678901234', '123456789123', '1234567891011', '123456789101',
  '12345678910111213', '111111111111', '000000000000', '123123123123', '121212121212', '123412341234',
  '123451234512345', '098765432109', '987654321098', '147258369147', '159753159753', '112233445566',
  '1122334455667788', '123321123321', '741852963741', '789456123789', '135792468013', '246813579135',
  // Keyboard walks (QWERTY, AZERTY)
  'qwertyuiopasdfghjkl', 'qwertyuiopasdfghjklzxcvbnm', 'qwertyuiop123', 'qwertyuiop1234', '1qaz2wsx3edc',
  '1qaz2wsx3edc4rfv', 'q1w2e3r4t5y6', '1q2w3e4r5t6y', '1q2w3e4r5t6y7u8i9o0p', '123qweasdzxc', 'qazwsxedcrfv',
  'qazwsxedcrfvtgb', 'zaq12wsxcde3', 'zaq1xsw2cde3', 'asdfghjkl123', 'asdfghjkl1234', 'qweasdzxc123',
  'zxcvbnmasdfghjkl', 'azertyuiop123', 'azertyuiopqsdfghjklm', 'azerty123456', 'qwerty123456', 'qwerty1234567',
  'qwerty12345678', '1234qwerasdf', '1234qwerasdfzxcv', 'qwer1234asdf', '1234567890qwerty', 'qwerty1234567890',
  'qwertyqwertyqwerty', 'asdfasdfasdf', 'qwerqwerqwer', 'zxcvbnm123456', '1qazxsw23edc', 'qwertyuiop[]',
  // Alphabet
  'abcdefghijkl', 'abcdefghijklmnop', 'abcdefghijklmnopqrstuvwxyz', 'abc123abc123', 'abcd1234abcd', 'a1b2c3d4e5f6',
  'abcdef123456', 'abc123456789',
  // "password" and friends
  'password1234', 'password12345', 'password123456', 'password1234!', 'passwordpassword', 'password123!',
  'password2020', 'password2021', 'password2022', 'password2023', 'password2024', 'password2025', 'password2026',
  'passw0rd1234', 'p@ssw0rd1234', 'p@ssword1234', 'p@ssw0rd123!', 'mypassword123', 'mypassword12', 'newpassword1',
  'newpassword123', 'changeme1234', 'changeme123!', 'changemenow!', 'welcome12345', 'welcome123456', 'welcome@1234',
  'welcome2024!', 'welcome2025!', 'welcome2026!', 'letmein12345', 'letmein123456', 'letmeinplease', 'administrator',
  'administrator1', 'admin1234567', 'admin@123456', 'adminadmin123', 'nopassword123', 'secretpassword', 'supersecret123',
  'topsecret1234', 'thisismypassword', 'thisisapassword', 'thisismypassword1', 'passwordispassword', 'forgotpassword',
  'passwordforgot', 'defaultpassword', 'temppassword1', 'temporarypassword',
  // Phrases and favourites
  'iloveyou1234', 'iloveyouforever', 'iloveyou123456', 'iloveyoubaby', 'iloveyousomuch', 'iloveyoutoo1',
  'mychemicalromance', 'tequieromucho', 'teamoconmivida', 'correcthorsebatterystaple', 'trustno1trustno1',
  'trustnoone123', 'whatever1234', 'helloworld123', 'helloworld1234', 'hellohello123', 'goodmorning1',
  'opensesame123', 'letmein2024!', 'iamthebest123', 'imthebest1234', 'godisgood123', 'jesuschrist1', 'jesuslovesme',
  'blessed12345', 'happybirthday', 'happybirthday1', 'merrychristmas', 'lovelovelove', 'babygirl1234', 'chocolate123',
  'chocolate1234', 'sweetheart123', 'sunshine1234', 'butterfly123', 'rainbow12345', 'princess1234', 'princesa1234',
  'monkey123456', 'computer1234', 'internet1234', 'starwars1234', 'pokemon12345', 'naruto123456', 'spiderman123',
  'superman1234', 'batman123456', 'dragonball123', 'harrypotter1', 'harrypotter123', 'manchesterunited',
  'liverpoolfc1', 'liverpool1234', 'basketball123', 'basketball1234', 'football1234', 'football12345', 'baseball1234',
  'soccer123456', 'hockey123456', 'alexander123', 'elizabeth123', 'christopher1', 'jonathan1234', 'victoria1234',
  'jessica12345', 'michael12345', 'nicholas1234', 'qwertyuiop12',
  // French and Canadian favourites
  'motdepasse123', 'motdepasse1234', 'motdepasse12345', 'motdepasseoublie', 'jetaime123456', 'jetaimepourtoujours',
  'bonjour123456', 'soleil123456', 'doudou123456', 'chouchou1234', 'loulou123456', 'marseille1234', 'canada123456',
  'canada1234567', 'ocanada12345', 'canadacanada', 'montreal1234', 'montreal12345', 'toronto12345', 'ottawa123456',
  'quebec123456', 'vancouver123', 'maplesyrup12', 'canadiens1234', 'gohabsgo1234', 'mapleleafs123', 'bienvenue123',
  'bienvenue1234',
];
