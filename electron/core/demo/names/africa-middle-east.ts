import { pairs, same } from './types';
import type { NameCulture } from './types';

/**
 * Iraq and Syria: Arabic script, family name last (محمد الأحمد / Mohammed Al-Ahmad). Some
 * transliterations keep an apostrophe for the ayn or hamza (Ra'ed, Sa'ad), and one spelling of
 * Mohammad carries a shadda (محمّد), as some documents do: search folds it away.
 */
export const arabic: NameCulture = {
  male: pairs(
    'محمد/Mohammed', 'محمّد/Mohammad', 'أحمد/Ahmad', 'علي/Ali', 'حسن/Hassan', 'حسين/Hussein', 'عمر/Omar', 'خالد/Khaled',
    'يوسف/Youssef', "رائد/Ra'ed", "سعد/Sa'ad", "معتز/Mu'taz", 'مصطفى/Mustafa',
  ),
  female: pairs('فاطمة/Fatima', 'زينب/Zainab', 'مريم/Maryam', 'نور/Nour', 'سارة/Sara', 'آية/Aya', 'رشا/Rasha', 'هدى/Huda', "دعاء/Du'aa", 'لمى/Lama'),
  surnames: pairs(
    'الأحمد/Al-Ahmad', 'الحسيني/Al-Husseini', 'الجبوري/Al-Jubouri', 'العبيدي/Al-Obaidi', 'الخطيب/Al-Khatib', 'حداد/Haddad',
    'الشامي/Al-Shami', 'المصري/Al-Masri', 'السعدي/Al-Saadi', 'الزعبي/Al-Zoubi', 'الدليمي/Al-Dulaimi', 'النعيمي/Al-Nuaimi',
  ),
  lineage: 'paternal',
  depth: 1,
  familyFirst: false,
  joinWritten: ' ',
  oneWordShare: 0,
};

/** Afghanistan: Dari in Persian letters; many Afghans have no family name at all. */
export const dari: NameCulture = {
  male: pairs('احمد/Ahmad', 'محمود/Mahmood', 'نجیب/Najib', 'فرید/Farid', 'جاوید/Javid', 'رحیم/Rahim', 'کریم/Karim'),
  female: pairs('شکیلا/Shakila', 'مریم/Maryam', 'زهره/Zohra', 'فرشته/Fereshta', 'نرگس/Nargis', 'گلالی/Gulalai'),
  surnames: pairs('احمدی/Ahmadi', 'رحیمی/Rahimi', 'حیدری/Haidari', 'نوری/Noori', 'کریمی/Karimi', 'صدیقی/Siddiqi'),
  lineage: 'paternal',
  depth: 1,
  familyFirst: false,
  joinWritten: ' ',
  oneWordShare: 0.3,
};

/** Somalia: given name, father's name, grandfather's name; no family name. */
export const somali: NameCulture = {
  male: same('Abdullahi', 'Mohamed', 'Ahmed', 'Abdirahman', 'Hassan', 'Omar', 'Abdi', 'Yusuf', 'Ali', 'Ismail', 'Abdikarim', 'Mahad'),
  female: same('Hodan', 'Faadumo', 'Khadra', 'Ayaan', 'Hawa', 'Sahra', 'Amina', 'Ifrah', 'Nasra', 'Ubah'),
  surnames: [],
  lineage: 'patronymic',
  depth: 2,
  familyFirst: false,
  joinWritten: ' ',
  oneWordShare: 0,
};

/** Eritrea: Tigrinya in Ge'ez script, given name then father's and grandfather's names. */
export const tigrinya: NameCulture = {
  male: pairs('ተስፋይ/Tesfay', 'ኪዳነ/Kidane', 'ብርሃነ/Berhane', 'ሃብቶም/Habtom', 'ዮናስ/Yonas', 'ኣማኑኤል/Amanuel', 'ዳዊት/Dawit', 'ሰመረ/Semere', 'ተኽለ/Tekle'),
  female: pairs('ሳባ/Saba', 'ሰላም/Selam', 'ሄለን/Helen', 'ሉላ/Lula', 'ኤልሳ/Elsa', 'ሩታ/Ruta', 'ፍረወይኒ/Freweini'),
  surnames: [],
  lineage: 'patronymic',
  depth: 2,
  familyFirst: false,
  joinWritten: ' ',
  oneWordShare: 0,
};

/** Nigeria: Igbo, Yoruba and Hausa given and family names in Latin letters. */
export const nigerian: NameCulture = {
  male: same('Chukwuemeka', 'Oluwaseun', 'Ibrahim', 'Chinedu', 'Emeka', 'Tunde', 'Olumide', 'Obinna', 'Yusuf', 'Babatunde'),
  female: same('Ngozi', 'Aisha', 'Funmilayo', 'Blessing', 'Chiamaka', 'Adaeze', 'Folake', 'Yetunde', 'Halima', 'Precious'),
  surnames: same('Okafor', 'Adeyemi', 'Eze', 'Bello', 'Musa', 'Adebayo', 'Nwosu', 'Okonkwo', 'Obi', 'Ogunleye', 'Abubakar', 'Okeke'),
  lineage: 'paternal',
  depth: 1,
  familyFirst: false,
  joinWritten: ' ',
  oneWordShare: 0,
};
